package io.boxwork.engine.detection;

import org.bytedeco.pytorch.Tensor;

/**
 * The bilinear samples of one box's RoIAlign bins, as torchvision's CPU kernel places them
 * ({@code aligned=False}, fixed sampling ratio): for each sample, in bin-major order, the four
 * neighbour offsets in its map plane and their weights. A sample more than one pixel outside the
 * map has zero weights; one within that pixel is clamped onto the border. Arithmetic is float32 in
 * torchvision's order, so both RoIAlign implementations built on this agree with it to rounding.
 */
final class RoiSamples {

    final int[] p1;
    final int[] p2;
    final int[] p3;
    final int[] p4;
    final float[] w1;
    final float[] w2;
    final float[] w3;
    final float[] w4;

    private RoiSamples(int samples) {
        p1 = new int[samples];
        p2 = new int[samples];
        p3 = new int[samples];
        p4 = new int[samples];
        w1 = new float[samples];
        w2 = new float[samples];
        w3 = new float[samples];
        w4 = new float[samples];
    }

    /**
     * The boxes as floats (K x 5: image, x1, y1, x2, y2), read through the CPU, after checking the
     * sampling ratio and that every box names an image of the batch.
     */
    static float[] readRois(Tensor rois, int batch, int samplingRatio) {
        if (samplingRatio < 1) {
            throw new IllegalArgumentException("RoIAlign here needs a fixed sampling ratio >= 1, got " + samplingRatio);
        }
        float[] r = Tensors.floats(rois);
        for (int n = 0; n < r.length / 5; n++) {
            long b = (long) r[5 * n];
            if (b < 0 || b >= batch) {
                throw new IllegalArgumentException("RoIAlign roi " + n + " names image " + b
                        + " but the batch has " + batch + " images");
            }
        }
        return r;
    }

    /** Samples of one box; {@code box} holds x1, y1, x2, y2 in image pixels from {@code offset}. */
    static RoiSamples of(float[] box, int offset, int height, int width, int pooledHeight, int pooledWidth,
                         double spatialScale, int ratio) {
        RoiSamples s = new RoiSamples(pooledHeight * pooledWidth * ratio * ratio);
        // float * double in C++ promotes to double, then the result is stored as float.
        float startW = (float) (box[offset] * spatialScale);
        float startH = (float) (box[offset + 1] * spatialScale);
        float endW = (float) (box[offset + 2] * spatialScale);
        float endH = (float) (box[offset + 3] * spatialScale);
        float roiWidth = Math.max(endW - startW, 1.0f);
        float roiHeight = Math.max(endH - startH, 1.0f);
        float binH = roiHeight / (float) pooledHeight;
        float binW = roiWidth / (float) pooledWidth;
        int i = 0;
        for (int ph = 0; ph < pooledHeight; ph++) {
            for (int pw = 0; pw < pooledWidth; pw++) {
                for (int iy = 0; iy < ratio; iy++) {
                    float y = startH + ph * binH + (iy + .5f) * binH / (float) ratio;
                    for (int ix = 0; ix < ratio; ix++) {
                        float x = startW + pw * binW + (ix + .5f) * binW / (float) ratio;
                        s.place(i++, y, x, height, width);
                    }
                }
            }
        }
        return s;
    }

    /** torchvision's {@code pre_calc} for one sample. */
    private void place(int i, float y, float x, int height, int width) {
        if (y < -1.0 || y > height || x < -1.0 || x > width) {
            return; // arrays start zeroed: weight 0 at offset 0
        }
        if (y <= 0) y = 0;
        if (x <= 0) x = 0;
        int yLow = (int) y;
        int xLow = (int) x;
        int yHigh;
        int xHigh;
        if (yLow >= height - 1) {
            yHigh = yLow = height - 1;
            y = yLow;
        } else {
            yHigh = yLow + 1;
        }
        if (xLow >= width - 1) {
            xHigh = xLow = width - 1;
            x = xLow;
        } else {
            xHigh = xLow + 1;
        }
        float ly = y - yLow;
        float lx = x - xLow;
        float hy = 1.f - ly;
        float hx = 1.f - lx;
        p1[i] = yLow * width + xLow;
        p2[i] = yLow * width + xHigh;
        p3[i] = yHigh * width + xLow;
        p4[i] = yHigh * width + xHigh;
        w1[i] = hy * hx;
        w2[i] = hy * lx;
        w3[i] = ly * hx;
        w4[i] = ly * lx;
    }
}
