package io.boxwork.engine.detection;

import org.bytedeco.pytorch.GradMode;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;

import static io.boxwork.engine.detection.Tensors.scalar;

/**
 * {@code torchvision.ops.roi_align} with {@code aligned=False} and a fixed sampling ratio, built on
 * LibTorch's {@code grid_sample}. Each output bin averages {@code ratio x ratio} bilinear samples
 * placed as torchvision's CPU kernel places them (in float32); a sample more than one pixel outside
 * the map contributes zero, and one within that pixel is clamped onto the border, which is what
 * {@code grid_sample}'s border padding does to it. Without a gradient to keep (inference,
 * validation) a CPU map goes through {@link RoiAlignKernel}, torchvision's kernel in Java.
 */
public final class RoiAlign {

    /** Rois per {@code grid_sample} call: bounds the {@code C x rois x (7*2)^2} intermediate to tens of MB. */
    private static final int ROIS_PER_CHUNK = 128;
    private static final long BILINEAR = 0;
    private static final long BORDER_PADDING = 1;

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
        return withGridSample(input, rois, outputHeight, outputWidth, spatialScale, samplingRatio);
    }

    /** The differentiable path: training back-propagates through {@code grid_sample}. */
    static Tensor withGridSample(Tensor input, Tensor rois, int outputHeight, int outputWidth,
                                 double spatialScale, int samplingRatio) {
        if (samplingRatio < 1) {
            throw new IllegalArgumentException("RoIAlign here needs a fixed sampling ratio >= 1, got " + samplingRatio);
        }
        long channels = input.size(1);
        long height = input.size(2);
        long width = input.size(3);
        long k = rois.size(0);
        Tensor result = torch.zeros(new long[]{k, channels, outputHeight, outputWidth}, input.options());
        if (k == 0) {
            return result;
        }
        Tensor boxes = rois.narrow(1, 1, 4).to(torch.ScalarType.Float);
        Tensor xs = sampleCoordinates(boxes.select(1, 0), boxes.select(1, 2), outputWidth, spatialScale, samplingRatio);
        Tensor ys = sampleCoordinates(boxes.select(1, 1), boxes.select(1, 3), outputHeight, spatialScale, samplingRatio);
        // torchvision's bilinear_interpolate returns 0 for samples beyond one pixel outside the map.
        Tensor validX = xs.ge(scalar(-1.0)).logical_and(xs.le(scalar(width)));
        Tensor validY = ys.ge(scalar(-1.0)).logical_and(ys.le(scalar(height)));
        Tensor gridX = xs.mul(scalar(2)).add(scalar(1)).div(scalar(width)).sub(scalar(1));
        Tensor gridY = ys.mul(scalar(2)).add(scalar(1)).div(scalar(height)).sub(scalar(1));

        long[] batchOfRoi = Tensors.longArray(rois.select(1, 0));
        for (int r = 0; r < batchOfRoi.length; r++) {
            if (batchOfRoi[r] < 0 || batchOfRoi[r] >= input.size(0)) {
                throw new IllegalArgumentException("RoIAlign roi " + r + " names image " + batchOfRoi[r]
                        + " but the batch has " + input.size(0) + " images");
            }
        }
        for (long b = 0; b < input.size(0); b++) {
            Tensor inImage = Tensors.where(rois.select(1, 0).eq(scalar(b)));
            long count = inImage.numel();
            for (long start = 0; start < count; start += ROIS_PER_CHUNK) {
                Tensor idx = inImage.narrow(0, start, Math.min(ROIS_PER_CHUNK, count - start));
                Tensor pooled = sample(input.narrow(0, b, 1), gridX.index_select(0, idx), gridY.index_select(0, idx),
                        validX.index_select(0, idx), validY.index_select(0, idx), outputHeight, outputWidth,
                        samplingRatio);
                result.index_copy_(0, idx, pooled.to(input.scalar_type()));
            }
        }
        return result;
    }

    /** Sample positions along one axis, {@code K x bins*ratio}, in torchvision's float arithmetic and order. */
    private static Tensor sampleCoordinates(Tensor lo, Tensor hi, int bins, double spatialScale, int ratio) {
        TensorOptions floats = Tensors.options(lo, torch.ScalarType.Float);
        Tensor start = lo.mul(scalar(spatialScale));
        Tensor end = hi.mul(scalar(spatialScale));
        Tensor size = end.sub(start).clamp_min(scalar(1.0));
        Tensor binSize = size.div(scalar(bins));
        Tensor bin = torch.arange(scalar(0), scalar(bins), floats);
        Tensor sub = torch.arange(scalar(0), scalar(ratio), floats).add(scalar(0.5));
        Tensor binStart = start.unsqueeze(1).add(bin.unsqueeze(0).mul(binSize.unsqueeze(1)));
        Tensor subOffset = sub.unsqueeze(0).mul(binSize.unsqueeze(1)).div(scalar(ratio));
        return binStart.unsqueeze(2).add(subOffset.unsqueeze(1)).reshape(lo.size(0), (long) bins * ratio);
    }

    private static Tensor sample(Tensor image, Tensor gridX, Tensor gridY, Tensor validX, Tensor validY,
                                 int outputHeight, int outputWidth, int ratio) {
        long k = gridX.size(0);
        long rows = gridY.size(1);
        long cols = gridX.size(1);
        Tensor gx = gridX.unsqueeze(1).expand(k, rows, cols);
        Tensor gy = gridY.unsqueeze(2).expand(k, rows, cols);
        Tensor grid = Tensors.stack(3, gx, gy).reshape(1, k * rows, cols, 2);
        Tensor samples = torch.grid_sampler(image.to(torch.ScalarType.Float), grid, BILINEAR, BORDER_PADDING, false);
        // Boxes clipped to the image (all of the RPN's proposals) have no sample outside it: skip the mask.
        if (!(validX.all().item_bool() && validY.all().item_bool())) {
            Tensor valid = validY.unsqueeze(2).logical_and(validX.unsqueeze(1)).reshape(1, 1, k * rows, cols);
            samples = samples.mul(valid.to(torch.ScalarType.Float));
        }
        // Each roi owns outputHeight*ratio consecutive rows, so ratio x ratio pooling windows never
        // straddle two rois: the bin averages come from one contiguous pooling pass.
        long channels = image.size(1);
        Tensor means = torch.avg_pool2d(samples, new long[]{ratio, ratio}, new long[]{ratio, ratio}, new long[]{0, 0},
                false, true, new org.bytedeco.pytorch.LongOptional());
        return means.view(channels, k, outputHeight, outputWidth).permute(1, 0, 2, 3);
    }
}
