package io.boxwork.engine.detection;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * torchvision's CPU {@code roi_align} forward kernel ({@code aligned=False}, fixed sampling ratio),
 * in Java over the feature map's own memory: for inference, where no gradient is needed.
 *
 * <p>The bilinear weights and the four neighbour offsets of every sample depend on the box only, so
 * they are computed once per box ({@link RoiSamples}) and reused for all channels, as torchvision's
 * {@code pre_calc} does. LibTorch's {@code grid_sample}, used here before, recomputed them per
 * channel and took a quarter of an inference call. The sums run in torchvision's float32 order.
 *
 * <p>The map is read in channels-last order, the order the backbone's maps arrive in (see
 * {@code ResNetTrunk}): all channels of a sample at once, as contiguous runs. A channels-first
 * map is copied into that order first.
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
        Tensor map = input.contiguous(torch.MemoryFormat.ChannelsLast);
        int batch = (int) map.size(0);
        int channels = (int) map.size(1);
        int height = (int) map.size(2);
        int width = (int) map.size(3);
        float[] r = RoiSamples.readRois(rois, batch, samplingRatio);
        int k = r.length / 5;
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

        /**
         * Over an {@code N x H x W x C} memory order. Per channel the sum runs over a bin's samples
         * in torchvision's order; the channel is the innermost loop so that each sample reads its
         * four neighbours' channels as contiguous runs.
         */
        void pool(FloatBuffer in, FloatBuffer dst, float[] rois, int n) {
            int image = (int) rois[5 * n];
            RoiSamples samples = RoiSamples.of(rois, 5 * n + 1, height, width, pooledHeight, pooledWidth,
                    spatialScale, ratio);
            float count = Math.max(ratio * ratio, 1);
            int perSampleGroup = ratio * ratio;
            int bins = pooledHeight * pooledWidth;
            int base = image * height * width * channels;
            float[] sum = new float[channels];
            int idx = 0;
            for (int bin = 0; bin < bins; bin++) {
                Arrays.fill(sum, 0f);
                for (int j = 0; j < perSampleGroup; j++, idx++) {
                    int o1 = base + samples.p1[idx] * channels;
                    int o2 = base + samples.p2[idx] * channels;
                    int o3 = base + samples.p3[idx] * channels;
                    int o4 = base + samples.p4[idx] * channels;
                    float w1 = samples.w1[idx];
                    float w2 = samples.w2[idx];
                    float w3 = samples.w3[idx];
                    float w4 = samples.w4[idx];
                    for (int c = 0; c < channels; c++) {
                        sum[c] += w1 * in.get(o1 + c) + w2 * in.get(o2 + c) + w3 * in.get(o3 + c) + w4 * in.get(o4 + c);
                    }
                }
                int outBase = n * channels * bins + bin;
                for (int c = 0; c < channels; c++) {
                    dst.put(outBase + c * bins, sum[c] / count);
                }
            }
        }
    }
}
