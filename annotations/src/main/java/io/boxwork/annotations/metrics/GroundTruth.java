package io.boxwork.annotations.metrics;

/**
 * One labelled box for evaluation, in image pixels.
 *
 * @param crowd     COCO {@code iscrowd}: a region of many objects; never a true positive or a miss,
 *                  and detections it absorbs are ignored
 * @param difficult Pascal VOC {@code difficult}: excluded from VOC AP (COCO does not know it)
 * @param area      COCO {@code area} used for the small / medium / large split; NaN means "not given",
 *                  and the box area is used instead
 */
public record GroundTruth(int imageId, int classId, double x1, double y1, double x2, double y2,
                          boolean crowd, boolean difficult, double area) {

    public GroundTruth {
        if (!(x2 >= x1) || !(y2 >= y1)) {
            throw new MetricsInputException("ground truth of class " + classId + " in image " + imageId
                    + " has corners (" + x1 + ", " + y1 + ") - (" + x2 + ", " + y2 + "): x2 < x1 or y2 < y1");
        }
        if (Double.isNaN(area)) {
            area = (x2 - x1) * (y2 - y1);
        }
    }

    /** An ordinary box: not crowd, not difficult, area taken from the box. */
    public static GroundTruth of(int imageId, int classId, double x1, double y1, double x2, double y2) {
        return new GroundTruth(imageId, classId, x1, y1, x2, y2, false, false, Double.NaN);
    }

    public GroundTruth asCrowd() {
        return new GroundTruth(imageId, classId, x1, y1, x2, y2, true, difficult, area);
    }

    public GroundTruth asDifficult() {
        return new GroundTruth(imageId, classId, x1, y1, x2, y2, crowd, true, area);
    }
}
