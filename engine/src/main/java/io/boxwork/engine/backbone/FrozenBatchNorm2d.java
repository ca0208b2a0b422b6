package io.boxwork.engine.backbone;

import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * torchvision's {@code FrozenBatchNorm2d}: batch norm with fixed statistics and affine terms,
 * held as buffers ({@code weight, bias, running_mean, running_var}) so that no optimizer moves
 * them, which is what detection fine-tuning on small batches needs.
 */
public final class FrozenBatchNorm2d extends Norm2d {

    /** torchvision 0.14's epsilon (older releases used 0). */
    public static final double EPS = 1e-5;

    // Handles sharing the registered buffers' storage: loading weights by name copies into them.
    private final Tensor weight;
    private final Tensor bias;
    private final Tensor runningMean;
    private final Tensor runningVar;

    public FrozenBatchNorm2d(long features) {
        super("FrozenBatchNorm2d");
        weight = torch.ones(features);
        bias = torch.zeros(features);
        runningMean = torch.zeros(features);
        runningVar = torch.ones(features);
        register_buffer("weight", weight);
        register_buffer("bias", bias);
        register_buffer("running_mean", runningMean);
        register_buffer("running_var", runningVar);
    }

    @Override
    public Tensor forward(Tensor x) {
        try (NormAffine affine = affine()) {
            // In place on the product, which nothing else holds: one activation-sized tensor, not two.
            Tensor scale = affine.scale().reshape(1, -1, 1, 1);
            Tensor shift = affine.shift().reshape(1, -1, 1, 1);
            Tensor out = x.mul(scale);
            out.add_(shift);
            scale.close();
            shift.close();
            return out;
        }
    }

    /**
     * Folded into the convolution's weights and bias: the statistics never change while they are
     * frozen, so the two passes over a large activation (and their backward) are not needed.
     */
    @Override
    public Tensor afterConv(Conv2dImpl conv, Tensor x) {
        try (NormAffine affine = affine()) {
            return FoldedConv.forward(conv, x, affine.scale(), affine.shift());
        }
    }

    private NormAffine affine() {
        return NormAffine.of(weight, bias, runningMean, runningVar, EPS);
    }
}
