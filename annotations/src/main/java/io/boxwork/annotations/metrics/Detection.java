package io.boxwork.annotations.metrics;

/** One predicted box with its confidence, in image pixels. */
public record Detection(int imageId, int classId, double x1, double y1, double x2, double y2, double score) {

    public Detection {
        if (!(x2 >= x1) || !(y2 >= y1)) {
            throw new MetricsInputException("detection of class " + classId + " in image " + imageId
                    + " has corners (" + x1 + ", " + y1 + ") - (" + x2 + ", " + y2 + "): x2 < x1 or y2 < y1");
        }
        if (Double.isNaN(score)) {
            throw new MetricsInputException("detection of class " + classId + " in image " + imageId
                    + " at (" + x1 + ", " + y1 + ") has a NaN score");
        }
    }

    /** COCO's detection area: the box area (loadRes sets {@code area = w * h}). */
    public double area() {
        return (x2 - x1) * (y2 - y1);
    }
}
