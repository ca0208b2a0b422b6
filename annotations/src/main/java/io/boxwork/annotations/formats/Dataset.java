package io.boxwork.annotations.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A labelled image set as every format sees it, free of any project: the class names in their
 * order (the order decides COCO category ids and YOLO class indices on writing) and the images.
 */
public record Dataset(List<String> classNames, List<DatasetImage> images) {

    public Dataset {
        classNames = List.copyOf(classNames);
        images = List.copyOf(images);
        if (classNames.stream().distinct().count() != classNames.size()) {
            throw new IllegalArgumentException("class names must be unique, were " + classNames);
        }
        for (DatasetImage image : images) {
            for (DatasetBox box : image.boxes()) {
                if (!classNames.contains(box.className())) {
                    throw new IllegalArgumentException(image.path() + ": box of class '" + box.className()
                        + "' which is not among the classes " + classNames);
                }
            }
        }
    }

    public int boxCount() {
        return images.stream().mapToInt(i -> i.boxes().size()).sum();
    }

    public long negativeCount() {
        return images.stream().filter(i -> i.boxes().isEmpty()).count();
    }

    /** The classes in first-appearance order, for formats that name classes only on their boxes. */
    public static List<String> classesInOrderOfAppearance(List<DatasetImage> images) {
        List<String> names = new ArrayList<>();
        for (DatasetImage image : images) {
            for (DatasetBox box : image.boxes()) if (!names.contains(box.className())) names.add(box.className());
        }
        return names;
    }

    public int classIndex(String className) {
        int i = classNames.indexOf(Objects.requireNonNull(className));
        if (i < 0) throw new IllegalArgumentException("no class named '" + className + "'");
        return i;
    }
}
