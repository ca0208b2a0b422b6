package io.boxwork.annotations.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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

    /** A copy: the record's arrays stay as constructed. */
    @Override
    public double[] iouThresholds() {
        return iouThresholds.clone();
    }

    @Override
    public double[] recallThresholds() {
        return recallThresholds.clone();
    }

    @Override
    public int[] maxDetections() {
        return maxDetections.clone();
    }

    int iouCount() {
        return iouThresholds.length;
    }

    int recallCount() {
        return recallThresholds.length;
    }

    int maxDetectionsCount() {
        return maxDetections.length;
    }

    int maxDetectionsAt(int m) {
        return maxDetections[m];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CocoParams p && Arrays.equals(iouThresholds, p.iouThresholds)
                && Arrays.equals(recallThresholds, p.recallThresholds) && areaRanges.equals(p.areaRanges)
                && Arrays.equals(maxDetections, p.maxDetections);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(iouThresholds), Arrays.hashCode(recallThresholds), areaRanges,
                Arrays.hashCode(maxDetections));
    }

    @Override
    public String toString() {
        return "CocoParams[iouThresholds=" + Arrays.toString(iouThresholds) + ", recallThresholds="
                + recallThresholds.length + " levels, areaRanges=" + areaRanges + ", maxDetections="
                + Arrays.toString(maxDetections) + "]";
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
