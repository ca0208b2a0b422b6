package io.boxwork.engine.tensor;

import io.boxwork.engine.backbone.FrozenBatchNorm2d;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NamedTensorsTest {

    @Test
    void handlesOutliveTheNativeDictAndShareTheModulesStorage() throws InterruptedException {
        FrozenBatchNorm2d bn = new FrozenBatchNorm2d(2);
        Map<String, Tensor> buffers = NamedTensors.buffers(bn);
        for (int i = 0; i < 3; i++) {
            // Let the native dicts behind the handles be collected and freed.
            System.gc();
            Thread.sleep(20);
            torch.zeros(1);
        }
        assertEquals(List.of("weight", "bias", "running_mean", "running_var"), List.copyOf(buffers.keySet()));
        try (NoGradGuard noGrad = new NoGradGuard()) {
            buffers.get("bias").fill_(new Scalar(3.0));
        }
        try (PointerScope scope = new PointerScope()) {
            float[] out = Tensors.toFloats(bn.forward(torch.zeros(1, 2, 1, 1)));
            assertArrayEquals(new float[]{3f, 3f}, out);
        }
    }
}
