package io.boxwork.engine.tensor;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorsTest {

    @Test
    void floatsComeBackInRowMajorOrderWithTheirShape() {
        try (PointerScope scope = new PointerScope()) {
            Tensor t = Tensors.floats(new float[]{1, 2, 3, 4, 5, 6}, 2, 3);
            assertArrayEquals(new long[]{2, 3}, Tensors.shape(t));
            assertArrayEquals(new float[]{1, 4, 2, 5, 3, 6}, Tensors.toFloats(t.t()));
            assertArrayEquals(new long[]{2, 3}, Tensors.heightWidth(t));
        }
    }

    @Test
    void aShapeThatDoesNotHoldTheValuesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensors.floats(new float[]{1, 2, 3}, 2, 2));
        assertTrue(e.getMessage().contains("[2, 2]"), e.getMessage());
    }

    @Test
    void maxAbsDifferenceFindsTheLargestGapAndRefusesDifferentShapes() {
        try (PointerScope scope = new PointerScope()) {
            Tensor a = Tensors.floats(new float[]{1, 2, 3}, 3);
            Tensor b = Tensors.floats(new float[]{1, 2.5f, 2}, 3);
            assertEquals(1.0, Tensors.maxAbsDifference(a, b), 1e-9);
            assertEquals(3.0, Tensors.maxAbs(a), 1e-9);
            assertThrows(IllegalArgumentException.class,
                    () -> Tensors.maxAbsDifference(a, Tensors.floats(new float[]{1, 2}, 2)));
        }
    }
}
