package io.boxwork.engine.data;

/**
 * An upright RGB picture as plain Java floats, channels first (3 x height x width) in [0, 1]:
 * what decoding threads hand over, before any native tensor exists.
 */
public record DecodedImage(int width, int height, float[] chw) {

    public DecodedImage {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image size must be positive, was " + width + "x" + height);
        if (chw.length != 3 * width * height) {
            throw new IllegalArgumentException("expected 3 x " + height + " x " + width + " floats, got " + chw.length);
        }
    }

    /** The value of channel {@code c} (0 R, 1 G, 2 B) at column x, row y. */
    public float at(int c, int x, int y) {
        return chw[(c * height + y) * width + x];
    }
}
