package io.boxwork.engine.detection;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * torchvision's CPU {@code roi_align} forward kernel ({@code aligned=False}, fixed sampling ratio),
 * in Java over the feature map's own memory: for inference, where no gradient is needed.
 *
 * <p>The bilinear weights and the four neighbour offsets of every sample depend on the box only, so
 * they are computed once per box and reused for all channels, as torchvision's {@code pre_calc}
 * does. {@code grid_sample} recomputes them per channel and was a quarter of an inference call.
 * Arithmetic is float32 in torchvision's order so that the results agree to rounding.
 */
final class RoiAlignKernel {

    private RoiAlignKernel() {
    }

    /**
     * @param input N x C x H x W float32 feature map on the CPU
     * @param rois  K x 5: batch index, then x1, y1, x2, y2 in image pixels
     * @return K x C x outputHeight x outputWidth
     */
    static Tensor forward(Tensor input, Tensor rois, int outputHeight, int outputWidth, double spatialScale,
                          int samplingRatio) {
        if (samplingRatio < 1) {
            throw new IllegalArgumentException("RoIAlign here needs a fixed sampling ratio >= 1, got " + samplingRatio);
        }
        Tensor map = input.contiguous();
        int batch = (int) map.size(0);
        int channels = (int) map.size(1);
        int height = (int) map.size(2);
        int width = (int) map.size(3);
        float[] r = Tensors.floats(rois.to(torch.ScalarType.Float));
        int k = r.length / 5;
        for (int n = 0; n < k; n++) {
            long b = (long) r[5 * n];
            if (b < 0 || b >= batch) {
                throw new IllegalArgumentException("RoIAlign roi " + n + " names image " + b
                        + " but the batch has " + batch + " images");
            }
        }
        // torch.empty(long...) makes LibTorch's default: float32 on the CPU.
        Tensor out = torch.empty(k, channels, outputHeight, outputWidth);
        if (k == 0 || channels == 0) {
            return out;
        }
        FloatBuffer in = map.data_ptr_float().capacity(map.numel()).asBuffer();
        FloatBuffer dst = out.data_ptr_float().capacity(out.numel()).asBuffer();
        Geometry g = new Geometry(channels, height, width, outputHeight, outputWidth, spatialScale, samplingRatio);
        IntStream.range(0, k).parallel().forEach(n -> g.pool(in, dst, r, n));
        return out;
    }

    /** One call's sizes, and the per-box pooling (each box writes only its own output rows). */
    private record Geometry(int channels, int height, int width, int pooledHeight, int pooledWidth,
                            double spatialScale, int ratio) {

        void pool(FloatBuffer in, FloatBuffer dst, float[] rois, int n) {
            int samples = pooledHeight * pooledWidth * ratio * ratio;
            int[] p1 = new int[samples];
            int[] p2 = new int[samples];
            int[] p3 = new int[samples];
            int[] p4 = new int[samples];
            float[] w1 = new float[samples];
            float[] w2 = new float[samples];
            float[] w3 = new float[samples];
            float[] w4 = new float[samples];
            int o = 5 * n;
            int image = (int) rois[o];
            // float * double in C++ promotes to double, then the result is stored as float.
            float startW = (float) (rois[o + 1] * spatialScale);
            float startH = (float) (rois[o + 2] * spatialScale);
            float endW = (float) (rois[o + 3] * spatialScale);
            float endH = (float) (rois[o + 4] * spatialScale);
            float roiWidth = Math.max(endW - startW, 1.0f);
            float roiHeight = Math.max(endH - startH, 1.0f);
            float binH = roiHeight / (float) pooledHeight;
            float binW = roiWidth / (float) pooledWidth;
            int s = 0;
            for (int ph = 0; ph < pooledHeight; ph++) {
                for (int pw = 0; pw < pooledWidth; pw++) {
                    for (int iy = 0; iy < ratio; iy++) {
                        float y = startH + ph * binH + (iy + .5f) * binH / (float) ratio;
                        for (int ix = 0; ix < ratio; ix++) {
                            float x = startW + pw * binW + (ix + .5f) * binW / (float) ratio;
                            bilinear(y, x, s++, p1, p2, p3, p4, w1, w2, w3, w4);
                        }
                    }
                }
            }
            float count = Math.max(ratio * ratio, 1);
            int perSampleGroup = ratio * ratio;
            int plane = height * width;
            int bins = pooledHeight * pooledWidth;
            for (int c = 0; c < channels; c++) {
                int base = (image * channels + c) * plane;
                int outBase = (n * channels + c) * bins;
                int idx = 0;
                for (int bin = 0; bin < bins; bin++) {
                    float value = 0;
                    for (int j = 0; j < perSampleGroup; j++, idx++) {
                        value += w1[idx] * in.get(base + p1[idx]) + w2[idx] * in.get(base + p2[idx])
                                + w3[idx] * in.get(base + p3[idx]) + w4[idx] * in.get(base + p4[idx]);
                    }
                    dst.put(outBase + bin, value / count);
                }
            }
        }

        /** torchvision's {@code pre_calc} for one sample: zero weight beyond one pixel outside, border clamp within. */
        private void bilinear(float y, float x, int s, int[] p1, int[] p2, int[] p3, int[] p4,
                              float[] w1, float[] w2, float[] w3, float[] w4) {
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
            p1[s] = yLow * width + xLow;
            p2[s] = yLow * width + xHigh;
            p3[s] = yHigh * width + xLow;
            p4[s] = yHigh * width + xHigh;
            w1[s] = hy * hx;
            w2[s] = hy * lx;
            w3[s] = ly * hx;
            w4[s] = ly * lx;
        }
    }
}
