package io.boxwork.engine.detection;

/**
 * The output size of torchvision 0.14's {@code _resize_image_and_masks}: the short side goes to
 * {@code minSize} unless that would push the long side past {@code maxSize}.
 *
 * <p>The arithmetic is torchvision's to the bit, because a one-pixel difference in the resized
 * size shifts every anchor and breaks parity: the scale is a float32 tensor computed as
 * {@code min(minSize / shortSide, maxSize / longSide)} where Python evaluates
 * {@code scalar / tensor} as {@code tensor.reciprocal() * scalar}; {@code interpolate} then
 * floors {@code side * scale} in double precision ({@code recompute_scale_factor=True}).
 */
public final class ResizeRule {

    private ResizeRule() {
    }

    /** The float32 scale torchvision computes for an image of {@code height x width}. */
    public static float scale(long height, long width, int minSize, int maxSize) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("cannot resize an image of " + height + " x " + width);
        }
        float shortSide = Math.min(height, width);
        float longSide = Math.max(height, width);
        float toMin = (1.0f / shortSide) * (float) minSize;
        float toMax = (1.0f / longSide) * (float) maxSize;
        return Math.min(toMin, toMax);
    }

    /** {height, width} after resizing, as torchvision's bilinear interpolate produces it. */
    public static long[] resizedSize(long height, long width, int minSize, int maxSize) {
        double scale = scale(height, width, minSize, maxSize);
        long[] size = {(long) Math.floor(height * scale), (long) Math.floor(width * scale)};
        if (size[0] == 0 || size[1] == 0) {
            throw new IllegalArgumentException("an image of " + height + " x " + width + " would resize to "
                    + size[0] + " x " + size[1] + " (min size " + minSize + ", max size " + maxSize + ")");
        }
        return size;
    }
}
