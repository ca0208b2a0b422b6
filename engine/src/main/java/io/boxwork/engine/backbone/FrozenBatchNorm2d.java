package io.boxwork.engine.backbone;

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
        // Same operation order as torchvision, so that the rounding matches too.
        Tensor w = weight.reshape(1, -1, 1, 1);
        Tensor b = bias.reshape(1, -1, 1, 1);
        Tensor rv = runningVar.reshape(1, -1, 1, 1);
        Tensor rm = runningMean.reshape(1, -1, 1, 1);
        Tensor inverse = torch.rsqrt(rv.add(new Scalar(EPS)));
        Tensor scale = w.mul(inverse);
        Tensor shift = b.sub(rm.mul(scale));
        // In place on the product, which nothing else holds: one activation-sized tensor, not two.
        Tensor out = x.mul(scale);
        out.add_(shift);
        for (Tensor t : new Tensor[]{w, b, rv, rm, inverse, scale, shift}) t.close();
        return out;
    }
}
