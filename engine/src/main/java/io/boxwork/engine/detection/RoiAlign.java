package io.boxwork.engine.detection;

import org.bytedeco.pytorch.GradMode;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;


/**
 * {@code torchvision.ops.roi_align} with {@code aligned=False} and a fixed sampling ratio. Each
 * output bin averages {@code ratio x ratio} bilinear samples placed as torchvision's CPU kernel
 * places them ({@link RoiSamples}). Two implementations of the same sums: without a gradient to
 * keep (inference, validation, review) a CPU map goes through {@link RoiAlignKernel}, the kernel in
 * Java; otherwise through {@link RoiAlignMatrix}, a sparse product LibTorch differentiates.
 */
public final class RoiAlign {

    private RoiAlign() {
    }

    /**
     * @param input         {@code N x C x H x W} feature map
     * @param rois          {@code K x 5}: batch index, then {@code x1, y1, x2, y2} in image pixels
     * @param spatialScale  feature pixels per image pixel
     * @param samplingRatio samples per bin side, at least 1
     * @return {@code K x C x outputHeight x outputWidth}
     */
    public static Tensor roiAlign(Tensor input, Tensor rois, int outputHeight, int outputWidth,
                                  double spatialScale, int samplingRatio) {
        boolean needsGradient = GradMode.is_enabled() && input.requires_grad();
        if (!needsGradient && input.is_cpu() && input.scalar_type().intern() == torch.ScalarType.Float) {
            // intern(): JavaCPP hands back enum values that are not the canonical constants.
            return RoiAlignKernel.forward(input, rois, outputHeight, outputWidth, spatialScale, samplingRatio);
        }
        return RoiAlignMatrix.forward(input, rois, outputHeight, outputWidth, spatialScale, samplingRatio);
    }
}
