package io.boxwork.engine.data;

/**
 * An image as one int per pixel (0xRRGGBB, row-major): the compact form decoding produces
 * and orientation reshuffles, before it is spread into float planes.
 */
record PackedRgb(int width, int height, int[] pixels) {

    PackedRgb {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + pixels.length);
        }
    }

    /**
     * The upright picture for an EXIF orientation (1..8): each output pixel is read from the
     * stored pixel the tag says should be shown there.
     */
    PackedRgb oriented(int orientation) {
        if (orientation <= 1 || orientation > 8) return this;
        boolean swap = orientation >= 5;
        int outW = swap ? height : width;
        int outH = swap ? width : height;
        int[] out = new int[pixels.length];
        int w = width;
        int h = height;
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; }
                }
                out[y * outW + x] = pixels[sy * w + sx];
            }
        }
        return new PackedRgb(outW, outH, out);
    }

    /** Channels-first float planes in [0, 1]: R plane, then G, then B. */
    float[] toChw() {
        int n = pixels.length;
        float[] chw = new float[3 * n];
        for (int i = 0; i < n; i++) {
            int p = pixels[i];
            chw[i] = ((p >> 16) & 0xff) / 255f;
            chw[n + i] = ((p >> 8) & 0xff) / 255f;
            chw[2 * n + i] = (p & 0xff) / 255f;
        }
        return chw;
    }
}
