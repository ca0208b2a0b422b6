package io.boxwork.annotations.anchors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link AnchorSuggester}'s k-means for a backbone without FPN: the single map carries every size,
 * so the size clusters all go to its one level instead of one per level.
 */
public final class SingleMapSuggester {
    private SingleMapSuggester() {
    }

    public static AnchorSuggestion suggest(List<AnchorImage> images, ResizeSpec resize, int sizeCount, int ratioCount,
                                           long seed, int worstCount) {
        if (sizeCount <= 0 || ratioCount <= 0) {
            throw new AnchorInputException("need at least one size and one aspect ratio, got " + sizeCount + " and "
                    + ratioCount);
        }
        List<float[]> shapes = new ArrayList<>();
        for (AnchorImage image : images) {
            ResizedImage r = resize.resize(image.height(), image.width());
            for (LabelledBox b : image.boxes()) {
                shapes.add(r.scaleBox(b.x1(), b.y1(), b.x2(), b.y2()));
            }
        }
        if (shapes.isEmpty()) {
            throw new AnchorInputException("no labelled boxes to fit anchors to");
        }
        double[] w = new double[shapes.size()];
        double[] h = new double[shapes.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = shapes.get(i)[2] - shapes.get(i)[0];
            h[i] = shapes.get(i)[3] - shapes.get(i)[1];
        }
        double[][] centroids = AnchorSuggester.iouKMeans(w, h, sizeCount, seed);
        double[] sizes = new double[sizeCount];
        for (int c = 0; c < sizeCount; c++) {
            sizes[c] = Math.max(1, Math.round(Math.sqrt(centroids[c][0] * centroids[c][1])));
        }
        Arrays.sort(sizes);
        AnchorSpec spec = new AnchorSpec(new double[][] {sizes},
                new double[][] {AnchorSuggester.logRatioKMeans(w, h, ratioCount)});
        double fit = 0;
        for (int i = 0; i < w.length; i++) {
            double best = 0;
            for (double[] c : centroids) {
                best = Math.max(best, AnchorSuggester.shapeIou(w[i], h[i], c[0], c[1]));
            }
            fit += best;
        }
        return new AnchorSuggestion(spec, AnchorCoverageCalculator.compute(spec, resize, images, worstCount),
                fit / w.length);
    }
}
