package io.boxwork.annotations.geometry;

import java.util.Arrays;

/**
 * Score threshold followed by class-wise greedy NMS, with torchvision's semantics: candidates with
 * {@code score > scoreThreshold} survive the threshold (compared in float, as torch compares a
 * float32 tensor with a Python number); within a class, a candidate is suppressed
 * when its IoU with an already kept, higher-ranked box is strictly greater than
 * {@code iouThreshold}; boxes of different classes never suppress each other; the result lists
 * kept input indices by descending score (ties by input index), cut to {@code maxDetections}.
 */
public final class ThresholdNms {
    private ThresholdNms() {
    }

    public static int[] apply(NmsCandidates c, float scoreThreshold, double iouThreshold, int maxDetections,
                              NmsWorkspace ws) {
        return run(c, true, scoreThreshold, iouThreshold, maxDetections, ws);
    }

    /** Class-wise NMS of every candidate, with no score threshold (so even -Infinity scores take part). */
    public static int[] applyWithoutThreshold(NmsCandidates c, double iouThreshold, int maxDetections,
                                              NmsWorkspace ws) {
        return run(c, false, 0f, iouThreshold, maxDetections, ws);
    }

    private static int[] run(NmsCandidates c, boolean thresholded, float scoreThreshold, double iouThreshold,
                             int maxDetections, NmsWorkspace ws) {
        if (maxDetections < 0) {
            throw new BoxArrayException("maxDetections is negative: " + maxDetections);
        }
        ws.ensureCapacity(c.size);
        int total = 0;
        for (int g = 0; g < c.groupLabel.length; g++) {
            int start = c.groupStart[g];
            int end = c.groupStart[g + 1];
            if (thresholded) {
                end = firstNotAbove(c.score, start, end, scoreThreshold);
            }
            total = suppressWithinClass(c, start, end, iouThreshold, ws, total);
        }
        long[] keys = ws.keptKeys;
        Arrays.sort(keys, 0, total);
        int n = Math.min(total, maxDetections);
        int[] keep = new int[n];
        for (int k = 0; k < n; k++) {
            keep[k] = ScoreOrder.index(keys[k]);
        }
        return keep;
    }

    /**
     * Greedy NMS checking each candidate only against the boxes kept so far in its class: a box
     * survives torchvision's loop exactly when no kept predecessor overlaps it, and the kept list
     * is usually far shorter than the candidate list.
     */
    private static int suppressWithinClass(NmsCandidates c, int start, int end, double iouThreshold,
                                           NmsWorkspace ws, int total) {
        float[] kx1 = ws.keptX1;
        float[] ky1 = ws.keptY1;
        float[] kx2 = ws.keptX2;
        float[] ky2 = ws.keptY2;
        float[] ka = ws.keptArea;
        int kept = 0;
        for (int p = start; p < end; p++) {
            float x1 = c.x1[p];
            float y1 = c.y1[p];
            float x2 = c.x2[p];
            float y2 = c.y2[p];
            float a = c.area[p];
            boolean suppressed = false;
            for (int k = 0; k < kept; k++) {
                float w = Math.max(0f, Math.min(kx2[k], x2) - Math.max(kx1[k], x1));
                float h = Math.max(0f, Math.min(ky2[k], y2) - Math.max(ky1[k], y1));
                float inter = w * h;
                // Same operand order as torchvision's kernel: inter / (kept area + this area - inter).
                float ovr = inter / (ka[k] + a - inter);
                if (ovr > iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kx1[kept] = x1;
                ky1[kept] = y1;
                kx2[kept] = x2;
                ky2[kept] = y2;
                ka[kept] = a;
                kept++;
                ws.keptKeys[total++] = ScoreOrder.key(c.score[p], c.original[p]);
            }
        }
        return total;
    }

    /** Scores of a class are sorted descending, so those above the threshold are a prefix: binary search its end. */
    private static int firstNotAbove(float[] score, int start, int end, float threshold) {
        int lo = start;
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (score[mid] > threshold) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
