package io.boxwork.engine.backbone;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Batch norm with fixed statistics as the per-channel affine map it is: {@code y = x·scale + shift}.
 * Both tensors have shape {@code [channels]} and belong to the caller, who closes them.
 */
record NormAffine(Tensor scale, Tensor shift) implements AutoCloseable {

    /** {@code scale = weight / sqrt(var + eps)}, {@code shift = bias - mean·scale}, in torchvision's order. */
    static NormAffine of(Tensor weight, Tensor bias, Tensor runningMean, Tensor runningVar, double eps) {
        Tensor inverse = torch.rsqrt(runningVar.add(new Scalar(eps)));
        Tensor scale = weight.mul(inverse);
        Tensor meanScaled = runningMean.mul(scale);
        Tensor shift = bias.sub(meanScaled);
        inverse.close();
        meanScaled.close();
        return new NormAffine(scale, shift);
    }

    @Override
    public void close() {
        scale.close();
        shift.close();
    }
}
