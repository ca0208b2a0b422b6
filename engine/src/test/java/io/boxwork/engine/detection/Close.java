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

    /** Scores this close differ by float rounding only (a few units in the last place of a score near 1). */
    private static final float NEAR_TIE = 1e-6f;

    /**
     * Final detections by decreasing score, where rows whose scores differ by float rounding only
     * may come in either order: the last bit of two such scores differs between LibTorch and
     * torchvision's build (BLAS, vector width), and with it the order NMS visits them in. Scores
     * must match in order; each group of near-tied rows must hold the same boxes and labels.
     */
    static void assertSameDetections(Tensor expectedBoxes, Tensor expectedScores, Tensor expectedLabels, Detections actual,
                                     double boxTolerance, double scoreTolerance, String what) {
        assertClose(expectedScores, actual.scores(), scoreTolerance, what + " scores");
        assertArrayEquals(Tensors.shape(expectedBoxes), Tensors.shape(actual.boxes()), what + " boxes: shape");
        float[] e = Tensors.floats(expectedBoxes);
        float[] a = Tensors.floats(actual.boxes());
        long[] el = Tensors.longArray(expectedLabels);
        long[] al = Tensors.longArray(actual.labels());
        assertArrayEquals(new int[]{el.length}, new int[]{al.length}, what + " labels: count");
        float[] s = Tensors.floats(actual.scores());
        int start = 0;
        while (start < s.length) {
            int end = start + 1;
            while (end < s.length && s[end - 1] - s[end] <= NEAR_TIE) {
                end++;
            }
            boolean[] used = new boolean[end - start];
            for (int i = start; i < end; i++) {
                int match = -1;
                for (int j = start; j < end && match < 0; j++) {
                    if (!used[j - start] && el[i] == al[j] && rowsClose(e, i, a, j, boxTolerance)) {
                        match = j;
                    }
                }
                if (match < 0) {
                    fail(what + ": expected detection " + i + " (label " + el[i] + ", box "
                            + Arrays.toString(Arrays.copyOfRange(e, 4 * i, 4 * i + 4)) + ") has no counterpart within "
                            + boxTolerance + " among rows " + start + ".." + (end - 1) + " (scores within " + NEAR_TIE
                            + " of " + s[start] + "); row " + i + " is label " + al[i] + ", box "
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

    static void assertSameLongs(Tensor expected, Tensor actual, String what) {
        assertArrayEquals(Tensors.longArray(expected), Tensors.longArray(actual), what);
    }
}
