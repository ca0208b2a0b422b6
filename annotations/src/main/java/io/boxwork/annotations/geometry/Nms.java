package io.boxwork.annotations.geometry;

/** torchvision's {@code nms} and {@code batched_nms} on plain arrays. */
public final class Nms {
    private Nms() {
    }

    /** Indices kept by greedy NMS over all boxes as one class, by descending score. */
    public static int[] nms(float[] boxes, float[] scores, double iouThreshold) {
        return batchedNms(boxes, scores, new int[BoxArrayException.boxCount("boxes", boxes)], iouThreshold);
    }

    /** Indices kept by NMS run independently per label, by descending score (ties by index). */
    public static int[] batchedNms(float[] boxes, float[] scores, int[] labels, double iouThreshold) {
        NmsCandidates candidates = NmsCandidates.of(boxes, scores, labels);
        return ThresholdNms.applyWithoutThreshold(candidates, iouThreshold, Integer.MAX_VALUE, new NmsWorkspace());
    }
}
