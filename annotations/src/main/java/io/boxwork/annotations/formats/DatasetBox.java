package io.boxwork.annotations.formats;

import java.util.Objects;

/**
 * One box of a {@link DatasetImage} in image pixels (continuous coordinates, width = x2 - x1),
 * with the flags some formats carry.
 *
 * @param difficult VOC's "difficult" (evaluations ignore it)
 * @param truncated VOC's "truncated" (the object continues outside the image)
 * @param crowd     COCO's "iscrowd" (one box around a group)
 * @param score     a detector's score, {@code null} for a person's box
 */
public record DatasetBox(String className, double x1, double y1, double x2, double y2,
                         boolean difficult, boolean truncated, boolean crowd, Float score) {

    public DatasetBox {
        Objects.requireNonNull(className, "className");
        if (className.isBlank()) throw new IllegalArgumentException("class name must not be blank");
        if (!(Double.isFinite(x1) && Double.isFinite(y1) && Double.isFinite(x2) && Double.isFinite(y2))) {
            throw new IllegalArgumentException("box of class '" + className + "' has a non-finite coordinate");
        }
    }

    public static DatasetBox of(String className, double x1, double y1, double x2, double y2) {
        return new DatasetBox(className, x1, y1, x2, y2, false, false, false, null);
    }

    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }

    public boolean hasArea() {
        return x2 > x1 && y2 > y1;
    }

    public boolean insideImage(int width, int height) {
        return x1 >= 0 && y1 >= 0 && x2 <= width && y2 <= height;
    }

    public DatasetBox clippedTo(int width, int height) {
        return new DatasetBox(className, clamp(x1, width), clamp(y1, height), clamp(x2, width), clamp(y2, height),
            difficult, truncated, crowd, score);
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
