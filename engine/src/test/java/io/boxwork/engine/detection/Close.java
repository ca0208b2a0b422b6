package io.boxwork.engine.detection;

import org.bytedeco.pytorch.Tensor;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Test assertions on tensors that say where they differ. */
final class Close {

    private Close() {
    }

    static void assertClose(Tensor expected, Tensor actual, double tolerance, String what) {
        assertArrayEquals(Tensors.shape(expected), Tensors.shape(actual), what + ": shape");
        float[] e = Tensors.floats(expected);
        float[] a = Tensors.floats(actual);
        double worst = 0;
        int at = -1;
        for (int i = 0; i < e.length; i++) {
            double d = Math.abs((double) e[i] - a[i]);
            if (!(d <= worst)) {
                worst = d;
                at = i;
            }
        }
        if (worst > tolerance || Double.isNaN(worst)) {
            fail(what + ": max difference " + worst + " > " + tolerance + " at flat index " + at
                    + " (expected " + e[at] + ", got " + a[at] + ", shape " + Arrays.toString(Tensors.shape(expected)) + ")");
        }
    }

    /**
     * Boxes by decreasing score where rows of exactly equal score may come in any order: torchvision's
     * batched NMS merges its per-level results with an unstable sort, so tied rows (sigmoid saturating
     * at 1.0) have no defined order. Each tie group must hold the same boxes within the tolerance.
     */
    static void assertCloseUpToTieOrder(Tensor expected, Tensor actual, Tensor actualScores, double tolerance,
                                        String what) {
        assertArrayEquals(Tensors.shape(expected), Tensors.shape(actual), what + ": shape");
        float[] e = Tensors.floats(expected);
        float[] a = Tensors.floats(actual);
        float[] s = Tensors.floats(actualScores);
        int start = 0;
        while (start < s.length) {
            int end = start + 1;
            while (end < s.length && s[end] == s[start]) {
                end++;
            }
            boolean[] used = new boolean[end - start];
            for (int i = start; i < end; i++) {
                int match = -1;
                for (int j = start; j < end && match < 0; j++) {
                    if (!used[j - start] && rowsClose(e, i, a, j, tolerance)) {
                        match = j;
                    }
                }
                if (match < 0) {
                    fail(what + ": expected row " + i + " " + Arrays.toString(Arrays.copyOfRange(e, 4 * i, 4 * i + 4))
                            + " has no counterpart within " + tolerance + " among rows " + start + ".." + (end - 1)
                            + " of score " + s[start] + "; row " + i + " is "
                            + Arrays.toString(Arrays.copyOfRange(a, 4 * i, 4 * i + 4)));
                }
                used[match - start] = true;
            }
            start = end;
        }
    }

    private static boolean rowsClose(float[] e, int i, float[] a, int j, double tolerance) {
        for (int k = 0; k < 4; k++) {
            if (!(Math.abs((double) e[4 * i + k] - a[4 * j + k]) <= tolerance)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Detections (boxes, scores, labels) by decreasing score, where detections whose scores differ by
     * less than the score tolerance may come in either order: two BLAS builds round the same logits
     * differently in the seventh digit, which is enough to swap a near-tie (0.82931614 and 0.829316
     * in the ResNet-18 fixture). Scores must agree rank by rank; each expected detection must have an
     * unused counterpart of the same label and box among the actual ones of near-equal score.
     */
    static void assertSameDetections(Tensor boxes, Tensor scores, Tensor labels, Detections actual,
                                     double boxTolerance, double scoreTolerance, String what) {
        assertClose(scores, actual.scores(), scoreTolerance, what + " scores");
        float[] eb = Tensors.floats(boxes);
        float[] ab = Tensors.floats(actual.boxes());
        float[] es = Tensors.floats(scores);
        float[] as = Tensors.floats(actual.scores());
        long[] el = Tensors.longArray(labels);
        long[] al = Tensors.longArray(actual.labels());
        assertArrayEquals(Tensors.shape(boxes), Tensors.shape(actual.boxes()), what + " boxes: shape");
        boolean[] used = new boolean[as.length];
        for (int i = 0; i < es.length; i++) {
            int match = -1;
            for (int j = 0; j < as.length && match < 0; j++) {
                if (!used[j] && Math.abs((double) as[j] - es[i]) <= scoreTolerance && al[j] == el[i]
                        && rowsClose(eb, i, ab, j, boxTolerance)) {
                    match = j;
                }
            }
            if (match < 0) {
                fail(what + ": expected detection " + i + " (label " + el[i] + ", score " + es[i] + ", box "
                        + Arrays.toString(Arrays.copyOfRange(eb, 4 * i, 4 * i + 4)) + ") has no counterpart within "
                        + boxTolerance + " px among the detections of score within " + scoreTolerance
                        + "; detection " + i + " is label " + al[i] + ", box "
                        + Arrays.toString(Arrays.copyOfRange(ab, 4 * i, 4 * i + 4)));
            }
            used[match] = true;
        }
    }

    static void assertSameLongs(Tensor expected, Tensor actual, String what) {
        assertArrayEquals(Tensors.longArray(expected), Tensors.longArray(actual), what);
    }
}
