package io.boxwork.engine.backbone;

import io.boxwork.engine.tensor.NamedTensors;
import io.boxwork.engine.tensor.Tensors;
import io.boxwork.engine.tensor.WeightsByName;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Folding a fixed batch norm into the convolution before it changes nothing but float rounding. */
class FoldedConvTest {

    /** Statistics far from identity, so that a fold that ignored any of them would show. */
    private static Map<String, Tensor> statistics(int channels) {
        return Map.of(
            "weight", torch.rand(channels).add(new Scalar(0.5)),
            "bias", torch.randn(channels),
            "running_mean", torch.randn(channels).mul(new Scalar(2.0)),
            "running_var", torch.rand(channels).mul(new Scalar(3.0)).add(new Scalar(0.1)));
    }

    private static FrozenBatchNorm2d frozen(int channels) {
        FrozenBatchNorm2d bn = new FrozenBatchNorm2d(channels);
        WeightsByName.copyInto(bn, statistics(channels), Set.of());
        return bn;
    }

    @Test
    void frozenBatchNormFoldsIntoAStridedPaddedConvolutionForwardAndBackward() {
        try (PointerScope scope = new PointerScope()) {
            torch.manual_seed(11);
            Conv2dImpl conv = Convs.resnetConv(3, 8, 3, 2, 1);
            FrozenBatchNorm2d bn = frozen(8);
            Tensor x = torch.randn(2, 3, 13, 11);

            Tensor unfolded = bn.forward(conv.forward(x));
            Tensor upstream = torch.randn(Tensors.shape(unfolded));
            unfolded.mul(upstream).sum().backward();
            float[] gradUnfolded = Tensors.toFloats(conv.weight().grad());
            conv.weight().grad().zero_();

            Tensor folded = bn.afterConv(conv, x);
            assertArrayEquals(Tensors.shape(unfolded), Tensors.shape(folded));
            assertTrue(Tensors.maxAbsDifference(unfolded, folded) < 1e-5, "forward: " + Tensors.maxAbsDifference(unfolded, folded));
            folded.mul(upstream).sum().backward();
            assertArrayEquals(gradUnfolded, Tensors.toFloats(conv.weight().grad()), 1e-4f, "the convolution's weight gradient");
        }
    }

    @Test
    void aConvolutionsOwnBiasIsScaledAndShiftedToo() {
        try (PointerScope scope = new PointerScope()) {
            torch.manual_seed(12);
            Conv2dImpl conv = Convs.fpnConv(4, 5, 1, 0);
            try (org.bytedeco.pytorch.NoGradGuard noGrad = new org.bytedeco.pytorch.NoGradGuard()) {
                conv.bias().copy_(torch.randn(5));
            }
            FrozenBatchNorm2d bn = frozen(5);
            Tensor x = torch.randn(1, 4, 6, 7);
            double difference = Tensors.maxAbsDifference(bn.forward(conv.forward(x)), bn.afterConv(conv, x));
            assertTrue(difference < 1e-5, "difference " + difference);
        }
    }

    @Test
    void batchNormFoldsOnlyWhileEvaluating() {
        try (PointerScope scope = new PointerScope()) {
            torch.manual_seed(13);
            Conv2dImpl conv = Convs.resnetConv(3, 6, 3, 1, 1);
            BatchNorm2d bn = new BatchNorm2d(6);
            BatchNorm2d twin = new BatchNorm2d(6);
            Map<String, Tensor> statistics = new java.util.HashMap<>(statistics(6));
            statistics.put("num_batches_tracked", torch.zeros(new long[]{}, new org.bytedeco.pytorch.TensorOptions(torch.ScalarType.Long)));
            WeightsByName.copyInto(bn, statistics, Set.of());
            WeightsByName.copyInto(twin, statistics, Set.of());
            Tensor x = torch.randn(2, 3, 9, 9);

            // Training normalises with the batch's statistics (a fold would use the running ones).
            double training = Tensors.maxAbsDifference(twin.forward(conv.forward(x)), bn.afterConv(conv, x));
            assertTrue(training < 1e-5, "training difference " + training);
            assertArrayEquals(Tensors.toFloats(NamedTensors.buffers(twin).get("running_mean")),
                Tensors.toFloats(NamedTensors.buffers(bn).get("running_mean")), 0f, "and updates the running statistics");

            bn.train(false);
            double evaluating = Tensors.maxAbsDifference(bn.forward(conv.forward(x)), bn.afterConv(conv, x));
            assertTrue(evaluating < 1e-5, "evaluation difference " + evaluating);
        }
    }
}
