package io.boxwork.annotations.metrics;

import java.util.List;

/**
 * Settings of a COCO evaluation, defaulting to pycocotools' {@code Params} for bounding boxes.
 * Thresholds are built like {@code np.linspace} so equality tests against 0.5 and 0.75 hold.
 */
public record CocoParams(double[] iouThresholds, double[] recallThresholds, List<AreaRange> areaRanges,
                         int[] maxDetections) {

    public CocoParams {
        if (maxDetections.length == 0 || iouThresholds.length == 0 || recallThresholds.length == 0
                || areaRanges.isEmpty()) {
            throw new MetricsInputException("COCO params need at least one IoU threshold, recall threshold,"
                    + " area range and max-detections value");
        }
        for (int i = 1; i < maxDetections.length; i++) {
            if (maxDetections[i] < maxDetections[i - 1]) {
                throw new MetricsInputException("maxDetections must be ascending, got " + maxDetections[i - 1]
                        + " before " + maxDetections[i]);
            }
        }
        iouThresholds = iouThresholds.clone();
        recallThresholds = recallThresholds.clone();
        areaRanges = List.copyOf(areaRanges);
        maxDetections = maxDetections.clone();
    }

    public static CocoParams defaults() {
        return new CocoParams(
                linspace(0.5, 0.95, 10),
                linspace(0.0, 1.0, 101),
                List.of(new AreaRange("all", 0, 1e10), new AreaRange("small", 0, 32 * 32),
                        new AreaRange("medium", 32 * 32, 96 * 96), new AreaRange("large", 96 * 96, 1e10)),
                new int[] {1, 10, 100});
    }

    /** {@code np.linspace(start, stop, num)}: start + i * step, with the last value exactly stop. */
    static double[] linspace(double start, double stop, int num) {
        double[] out = new double[num];
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) {
            out[i] = i * step + start;
        }
        out[num - 1] = stop;
        return out;
    }

    int indexOfIou(double threshold) {
        for (int i = 0; i < iouThresholds.length; i++) {
            if (iouThresholds[i] == threshold) {
                return i;
            }
        }
        return -1;
    }

    int indexOfArea(String label) {
        for (int i = 0; i < areaRanges.size(); i++) {
            if (areaRanges.get(i).label().equals(label)) {
                return i;
            }
        }
        return -1;
    }

    int indexOfMaxDetections(int value) {
        for (int i = 0; i < maxDetections.length; i++) {
            if (maxDetections[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
