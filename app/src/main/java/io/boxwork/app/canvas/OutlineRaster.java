package io.boxwork.app.canvas;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * Box outlines written straight into a pixel buffer, then drawn as one image. For thousands of
 * boxes this replaces thousands of fill commands (each a trip through the renderer) with plain
 * array writes and a single blit; the pixels are exactly those the vector path would cover.
 */
final class OutlineRaster {
    private int width;
    private int height;
    private int[] pixels = new int[0];
    private WritableImage image;

    /** Starts a transparent frame of {@code w} x {@code h} pixels, reusing the buffer when the size is unchanged. */
    void begin(int w, int h) {
        w = Math.max(1, w);
        h = Math.max(1, h);
        if (w != width || h != height) {
            width = w;
            height = h;
            pixels = new int[w * h];
            image = new WritableImage(w, h);
        } else {
            Arrays.fill(pixels, 0);
        }
    }

    /** A 2-px outline just around the screen rectangle (x1, y1)-(x2, y2) in an opaque colour. */
    void outline(int x1, int y1, int x2, int y2, int argb) {
        int ox1 = x1 - 1, oy1 = y1 - 1, ox2 = x2 + 1, oy2 = y2 + 1;
        fill(ox1, oy1, ox2, oy1 + 2, argb);
        fill(ox1, oy2 - 2, ox2, oy2, argb);
        fill(ox1, oy1 + 2, ox1 + 2, oy2 - 2, argb);
        fill(ox2 - 2, oy1 + 2, ox2, oy2 - 2, argb);
    }

    private void fill(int x1, int y1, int x2, int y2, int argb) {
        int cx1 = Math.max(0, x1), cy1 = Math.max(0, y1), cx2 = Math.min(width, x2), cy2 = Math.min(height, y2);
        for (int y = cy1; y < cy2; y++) {
            int row = y * width;
            Arrays.fill(pixels, row + cx1, row + Math.max(cx1, cx2), argb);
        }
    }

    WritableImage finish() {
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(), IntBuffer.wrap(pixels), width);
        return image;
    }
}
