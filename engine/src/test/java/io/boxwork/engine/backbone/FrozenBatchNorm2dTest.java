package io.boxwork.engine.backbone;

import io.boxwork.engine.tensor.NamedTensors;
import io.boxwork.engine.tensor.Tensors;
import io.boxwork.engine.tensor.WeightsByName;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FrozenBatchNorm2dTest {

    @Test
    void statisticsAndAffineTermsAreBuffersNotParameters() {
        FrozenBatchNorm2d bn = new FrozenBatchNorm2d(3);
        assertEquals(0, NamedTensors.parameters(bn).size());
        assertEquals(List.of("weight", "bias", "running_mean", "running_var"),
                List.copyOf(WeightsByName.stateOf(bn).keySet()));
    }

    @Test
    void normalisesEachChannelWithTheStoredStatistics() {
        FrozenBatchNorm2d bn = new FrozenBatchNorm2d(2);
        WeightsByName.copyInto(bn, Map.of(
                "weight", Tensors.floats(new float[]{2f, 1f}, 2),
                "bias", Tensors.floats(new float[]{0.5f, -1f}, 2),
                "running_mean", Tensors.floats(new float[]{1f, 0f}, 2),
                "running_var", Tensors.floats(new float[]{4f, 1f}, 2)), Set.of());
        try (PointerScope scope = new PointerScope()) {
            Tensor x = Tensors.floats(new float[]{3f, 5f}, 1, 2, 1, 1);
            float[] y = Tensors.toFloats(bn.forward(x));
            double eps = FrozenBatchNorm2d.EPS;
            float expected0 = (float) (2 * (3 - 1) / Math.sqrt(4 + eps) + 0.5);
            float expected1 = (float) (1 * (5 - 0) / Math.sqrt(1 + eps) - 1);
            assertArrayEquals(new float[]{expected0, expected1}, y, 1e-5f);
        }
    }
}
