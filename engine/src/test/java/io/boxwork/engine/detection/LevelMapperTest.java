package io.boxwork.engine.detection;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LevelMapperTest {

    @Test
    void aCanonicalSizedBoxGoesToTheCanonicalLevelAndExtremesAreClamped() {
        try (PointerScope ignored = new PointerScope()) {
            Tensor boxes = Tensor.create(new float[]{
                    0, 0, 224, 224,
                    0, 0, 112, 112,
                    0, 0, 4, 4,
                    0, 0, 2000, 2000}, 4, 4);
            long[] levels = Tensors.longArray(new LevelMapper(2, 5, 224, 4, 1e-6).map(List.of(boxes)));
            assertArrayEquals(new long[]{2, 1, 0, 3}, levels);
        }
    }

    @Test
    void levelScalesAreInferredAsPowersOfTwo() {
        assertEquals(0.25, MultiScaleRoiAlign.inferScale(38, 150));
        assertEquals(1.0 / 32, MultiScaleRoiAlign.inferScale(5, 150));
    }
}
