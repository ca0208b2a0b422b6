package io.boxwork.engine.detection;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.boxwork.engine.detection.Tensors.scalar;

/**
 * torchvision's {@code MultiScaleRoIAlign}: pools every box from the FPN level the {@link LevelMapper}
 * picks. The scale of each level is inferred from its size against the largest image size, rounded to
 * a power of two, exactly as torchvision infers it on every call.
 */
public final class MultiScaleRoiAlign {

    private final List<String> featmapNames;
    private final int outputSize;
    private final int samplingRatio;
    private final int canonicalScale;
    private final int canonicalLevel;
    private final double eps;

    public MultiScaleRoiAlign(List<String> featmapNames, int outputSize, int samplingRatio, int canonicalScale,
                              int canonicalLevel, double eps) {
        this.featmapNames = List.copyOf(featmapNames);
        this.outputSize = outputSize;
        this.samplingRatio = samplingRatio;
        this.canonicalScale = canonicalScale;
        this.canonicalLevel = canonicalLevel;
        this.eps = eps;
    }

    public static MultiScaleRoiAlign of(FasterRcnnConfig config) {
        return new MultiScaleRoiAlign(config.featmapNames(), config.roiOutputSize(), config.roiSamplingRatio(),
                config.canonicalScale(), config.canonicalLevel(), config.levelMapperEps());
    }

    /** Feature pixels per image pixel: {@code 2^round(log2(feature size / image size))} along the height. */
    static double inferScale(long featureSize, long imageSize) {
        float approx = (float) ((double) featureSize / (double) imageSize);
        return Math.pow(2, Math.rint(Math.log(approx) / Math.log(2)));
    }

    /**
     * @param features   feature maps by name; only those in {@code featmapNames} are pooled, in map order
     * @param boxes      per image {@code K_i x 4} boxes in image pixels
     * @param imageSizes per image {height, width}
     * @return {@code sum(K_i) x C x outputSize x outputSize}
     */
    public Tensor forward(Map<String, Tensor> features, List<Tensor> boxes, List<long[]> imageSizes) {
        List<Tensor> maps = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : features.entrySet()) {
            if (featmapNames.contains(e.getKey())) {
                maps.add(e.getValue());
            }
        }
        if (maps.isEmpty()) {
            throw new IllegalArgumentException("None of the feature maps " + features.keySet()
                    + " is among the pooled names " + featmapNames);
        }
        if (imageSizes.isEmpty()) {
            throw new IllegalArgumentException("MultiScaleRoiAlign needs at least one image size");
        }
        long maxHeight = 0;
        long maxWidth = 0;
        for (long[] s : imageSizes) {
            maxHeight = Math.max(maxHeight, s[0]);
            maxWidth = Math.max(maxWidth, s[1]);
        }
        double[] scales = new double[maps.size()];
        for (int i = 0; i < maps.size(); i++) {
            scales[i] = inferScale(maps.get(i).size(-2), maxHeight);
        }
        Tensor rois = toRoiFormat(boxes);
        if (maps.size() == 1) {
            return RoiAlign.roiAlign(maps.get(0), rois, outputSize, outputSize, scales[0], samplingRatio);
        }
        int kMin = (int) -(Math.log(scales[0]) / Math.log(2));
        int kMax = (int) -(Math.log(scales[scales.length - 1]) / Math.log(2));
        Tensor levels = new LevelMapper(kMin, kMax, canonicalScale, canonicalLevel, eps).map(boxes);

        Tensor result = torch.zeros(new long[]{rois.size(0), maps.get(0).size(1), outputSize, outputSize},
                maps.get(0).options());
        for (int level = 0; level < maps.size(); level++) {
            Tensor idx = Tensors.where(levels.eq(scalar(level)));
            if (idx.numel() == 0) {
                continue;
            }
            Tensor pooled = RoiAlign.roiAlign(maps.get(level), rois.index_select(0, idx), outputSize, outputSize,
                    scales[level], samplingRatio);
            result.index_copy_(0, idx, pooled);
        }
        return result;
    }

    /** {@code K x 5} rois: image index, then the box. */
    static Tensor toRoiFormat(List<Tensor> boxes) {
        List<Tensor> rows = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            Tensor b = boxes.get(i);
            Tensor ids = torch.full(new long[]{b.size(0), 1}, scalar(i), b.options());
            rows.add(torch.cat(new org.bytedeco.pytorch.TensorVector(ids, b), 1));
        }
        return Tensors.cat(rows, 0);
    }
}
