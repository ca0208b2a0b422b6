package io.boxwork.engine.detection;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class BoxCoderTest {

    @Test
    void decodingTheEncodedTargetsGivesBackTheGroundTruth() {
        try (PointerScope ignored = new PointerScope()) {
            BoxCoder coder = new BoxCoder(10, 10, 5, 5, BoxCoder.DEFAULT_BBOX_XFORM_CLIP);
            Tensor proposals = Tensor.create(new float[]{10, 10, 50, 40, 0, 0, 8, 8}, 2, 4);
            Tensor gt = Tensor.create(new float[]{12, 8, 60, 44, 1, 2, 9, 7}, 2, 4);
            Tensor codes = coder.encode(gt, proposals);
            assertArrayEquals(Tensors.floats(gt), Tensors.floats(coder.decodeSingle(codes, proposals)), 1e-4f);
        }
    }

    @Test
    void decodeClampsGrowthToTheXformClip() {
        try (PointerScope ignored = new PointerScope()) {
            BoxCoder coder = new BoxCoder(1, 1, 1, 1, Math.log(4));
            Tensor anchor = Tensor.create(new float[]{0, 0, 10, 10}, 1, 4);
            Tensor huge = Tensor.create(new float[]{0, 0, 100, 100}, 1, 4);
            float[] box = Tensors.floats(coder.decode(huge, List.of(anchor)));
            assertArrayEquals(new float[]{-15, -15, 25, 25}, box, 1e-4f);
        }
    }
}
