package io.boxwork.annotations.stats;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.BoxSource;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.model.LabelClass;
import io.boxwork.annotations.model.ProjectSettings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures for one set of images (a split, or all of them). Only a person's boxes count as
 * labels; predictions nobody confirmed are counted apart.
 *
 * @param imagesWithoutBoxes images with no labelled box (negatives, or not yet labelled)
 * @param imageSizes         distinct sizes, most common first
 * @param boxAspect          height / width, as the anchor aspect ratios are defined
 * @param classes            the project's classes in order, then any class id the labels use that the project lacks
 */
public record SplitStatistics(int images, int imagesWithoutBoxes, long boxes, long predictedBoxes,
                              Map<ImageStatus, Long> statuses, List<ImageSizeCount> imageSizes,
                              Distribution boxesPerImage, Distribution boxWidth, Distribution boxHeight,
                              Distribution boxArea, Distribution boxAspect, List<ClassCount> classes) {

    /** Boxes per image: single counts up to 4, then wider bins. */
    public static final double[] BOXES_PER_IMAGE_EDGES = {0, 1, 2, 3, 4, 5, 10, 20, 50, 100, Double.POSITIVE_INFINITY};
    /** Box sides in pixels, doubling like the FPN anchor sizes (32 ... 512). */
    public static final double[] SIDE_EDGES = {0, 8, 16, 32, 64, 128, 256, 512, 1024, Double.POSITIVE_INFINITY};
    /** Box areas in square pixels: the side edges squared, plus COCO's medium/large boundary 96². */
    public static final double[] AREA_EDGES = {0, 8 * 8, 16 * 16, 32 * 32, 64 * 64, 96 * 96, 128 * 128, 256 * 256,
        512 * 512, 1024 * 1024, Double.POSITIVE_INFINITY};
    /** Aspect ratios (h / w) in bins centred, on a log scale, on 1/4, 1/2, 1, 2 and 4. */
    public static final double[] ASPECT_EDGES = {0, Math.pow(2, -2.5), Math.pow(2, -1.5), Math.pow(2, -0.5),
        Math.pow(2, 0.5), Math.pow(2, 1.5), Math.pow(2, 2.5), Double.POSITIVE_INFINITY};

    public SplitStatistics {
        statuses = Map.copyOf(statuses);
        imageSizes = List.copyOf(imageSizes);
        classes = List.copyOf(classes);
    }

    public static SplitStatistics of(List<ImageLabels> labels, ProjectSettings settings) {
        int withoutBoxes = 0;
        long predicted = 0;
        Map<ImageStatus, Long> statuses = new EnumMap<>(ImageStatus.class);
        for (ImageStatus s : ImageStatus.values()) statuses.put(s, 0L);
        Map<Long, Long> sizes = new LinkedHashMap<>();
        Map<Integer, long[]> perClass = new LinkedHashMap<>();
        for (LabelClass c : settings.classes()) perClass.put(c.id(), new long[2]);
        double[] perImage = new double[labels.size()];
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            ImageLabels image = labels.get(i);
            statuses.merge(image.status(), 1L, Long::sum);
            sizes.merge(((long) image.width() << 32) | image.height(), 1L, Long::sum);
            Set<Integer> classesHere = new HashSet<>();
            int count = 0;
            for (Box b : image.boxes()) {
                if (b.source() == BoxSource.PREDICTED) {
                    predicted++;
                    continue;
                }
                count++;
                boxes.add(b);
                perClass.computeIfAbsent(b.classId(), id -> new long[2])[0]++;
                if (classesHere.add(b.classId())) perClass.get(b.classId())[1]++;
            }
            perImage[i] = count;
            if (count == 0) withoutBoxes++;
        }
        double[] widths = new double[boxes.size()];
        double[] heights = new double[boxes.size()];
        double[] areas = new double[boxes.size()];
        List<Double> aspects = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            Box b = boxes.get(i);
            widths[i] = b.width();
            heights[i] = b.height();
            areas[i] = (double) b.width() * b.height();
            // A box of no width has no aspect ratio; it still counts everywhere else.
            if (b.width() > 0) aspects.add((double) b.height() / b.width());
        }
        List<ImageSizeCount> imageSizes = new ArrayList<>();
        sizes.forEach((key, n) -> imageSizes.add(new ImageSizeCount((int) (key >>> 32), (int) (key & 0xffffffffL), n)));
        imageSizes.sort(Comparator.comparingLong(ImageSizeCount::images).reversed()
            .thenComparingInt(ImageSizeCount::width).thenComparingInt(ImageSizeCount::height));
        List<ClassCount> classes = new ArrayList<>();
        perClass.forEach((id, n) -> classes.add(new ClassCount(id,
            settings.classById(id).map(LabelClass::name).orElse("class " + id + " (not in the project)"), n[0], n[1])));
        return new SplitStatistics(labels.size(), withoutBoxes, boxes.size(), predicted, statuses, imageSizes,
            Distribution.of(perImage, BOXES_PER_IMAGE_EDGES), Distribution.of(widths, SIDE_EDGES),
            Distribution.of(heights, SIDE_EDGES), Distribution.of(areas, AREA_EDGES),
            Distribution.of(aspects.stream().mapToDouble(Double::doubleValue).toArray(), ASPECT_EDGES), classes);
    }

    public ClassCount classNamed(String name) {
        return classes.stream().filter(c -> c.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no class named '" + name + "'"));
    }
}
