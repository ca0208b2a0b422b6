package io.boxwork.annotations.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the project knows about one image: the content of its {@code labels/<path>.json}.
 * Immutable: edits make a new snapshot, which is what autosave and the engine threads receive.
 *
 * @param imagePath path of the image relative to the project's image folder, with '/' separators
 */
public record ImageLabels(String imagePath, int width, int height, ImageStatus status, List<Box> boxes) {

    public ImageLabels {
        Objects.requireNonNull(imagePath, "imagePath");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(imagePath + ": image size must be positive, was " + width + "x" + height);
        }
        if (status == null) status = ImageStatus.TODO;
        boxes = List.copyOf(boxes);
    }

    public static ImageLabels empty(String imagePath, int width, int height) {
        return new ImageLabels(imagePath, width, height, ImageStatus.TODO, List.of());
    }

    public ImageLabels withBoxes(List<Box> newBoxes) {
        return new ImageLabels(imagePath, width, height, status, newBoxes);
    }

    public ImageLabels withStatus(ImageStatus newStatus) {
        return new ImageLabels(imagePath, width, height, newStatus, boxes);
    }

    public Optional<Box> box(long id) {
        for (Box b : boxes) if (b.id() == id) return Optional.of(b);
        return Optional.empty();
    }

    /** The id a new box gets: one past the largest, so ids never repeat within an image. */
    public long nextBoxId() {
        long max = 0;
        for (Box b : boxes) max = Math.max(max, b.id());
        return max + 1;
    }

    public List<Box> boxesOfClass(int classId) {
        List<Box> out = new ArrayList<>();
        for (Box b : boxes) if (b.classId() == classId) out.add(b);
        return Collections.unmodifiableList(out);
    }
}
