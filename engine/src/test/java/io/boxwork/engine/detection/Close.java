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

    static void assertSameLongs(Tensor expected, Tensor actual, String what) {
        assertArrayEquals(Tensors.longArray(expected), Tensors.longArray(actual), what);
    }
}
