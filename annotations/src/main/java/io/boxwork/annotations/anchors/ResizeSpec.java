package io.boxwork.annotations.anchors;

/**
 * GeneralizedRCNNTransform's geometry at evaluation time (torchvision 0.14): scale so the short side
 * is {@code minSize} unless that makes the long side exceed {@code maxSize}, then pad the batch to a
 * multiple of {@code sizeDivisible}.
 */
public record ResizeSpec(int minSize, int maxSize, int sizeDivisible) {

    public ResizeSpec {
        if (minSize <= 0 || maxSize <= 0 || sizeDivisible <= 0) {
            throw new AnchorInputException("resize needs positive min size, max size and divisor, got " + minSize
                    + ", " + maxSize + ", " + sizeDivisible);
        }
    }

    /** fasterrcnn_resnet50_fpn's defaults: 800, 1333, padded to 32. */
    public static ResizeSpec torchvisionDefault() {
        return new ResizeSpec(800, 1333, 32);
    }

    public ResizedImage resize(int height, int width) {
        if (height <= 0 || width <= 0) {
            throw new AnchorInputException("image size " + width + "x" + height + " is not positive");
        }
        float shortSide = Math.min(height, width);
        float longSide = Math.max(height, width);
        // Python's `float / tensor` is tensor.reciprocal() * float, all in float32.
        float scale = Math.min((1f / shortSide) * (float) minSize, (1f / longSide) * (float) maxSize);
        // interpolate(recompute_scale_factor=True): floor(size * scale) in double, scale widened from float32.
        int h = (int) Math.floor((double) height * (double) scale);
        int w = (int) Math.floor((double) width * (double) scale);
        if (h <= 0 || w <= 0) {
            throw new AnchorInputException("image size " + width + "x" + height + " resizes to " + w + "x" + h);
        }
        int paddedH = (int) (Math.ceil((double) h / sizeDivisible) * sizeDivisible);
        int paddedW = (int) (Math.ceil((double) w / sizeDivisible) * sizeDivisible);
        return new ResizedImage(height, width, h, w, paddedH, paddedW, (float) h / (float) height,
                (float) w / (float) width);
    }
}
