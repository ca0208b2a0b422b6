package io.boxwork.annotations.metrics;

import java.util.List;

/**
 * pycocotools' {@code evaluateImg} for one image, one class and one area range: which detections
 * match which ground truths at every IoU threshold, and which of either are ignored.
 *
 * @param dtScores  detection scores, highest first (the order of every per-detection array)
 * @param dtMatched [T][D] matched to some ground truth at threshold t
 * @param dtIgnore  [T][D] neither true nor false positive at threshold t
 * @param gtIgnore  [G] ground truths that are crowd or outside the area range
 */
record CocoImageEvaluation(double[] dtScores, boolean[][] dtMatched, boolean[][] dtIgnore, boolean[] gtIgnore) {

    /**
     * @param gts  ground truths of the image and class, in input order
     * @param dts  detections of the image and class sorted by descending score (stable) and already cut
     *             to the largest maxDets, as computeIoU does
     * @param ious {@code D x G} IoUs of {@code dts} against {@code gts} in input order
     */
    static CocoImageEvaluation of(List<GroundTruth> gts, List<Detection> dts, double[][] ious, AreaRange range,
                                  double[] iouThresholds) {
        int gCount = gts.size();
        int dCount = dts.size();
        // Stable partition: regular ground truths first, ignored ones last, each in input order.
        int[] gtOrder = new int[gCount];
        boolean[] gtIgnore = new boolean[gCount];
        boolean[] crowd = new boolean[gCount];
        int next = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int g = 0; g < gCount; g++) {
                GroundTruth gt = gts.get(g);
                boolean ignore = gt.crowd() || range.excludes(gt.area());
                if (ignore == (pass == 1)) {
                    gtOrder[next] = g;
                    gtIgnore[next] = ignore;
                    crowd[next] = gt.crowd();
                    next++;
                }
            }
        }
        int tCount = iouThresholds.length;
        boolean[][] gtMatched = new boolean[tCount][gCount];
        boolean[][] dtMatched = new boolean[tCount][dCount];
        boolean[][] dtIgnore = new boolean[tCount][dCount];
        for (int t = 0; t < tCount; t++) {
            for (int d = 0; d < dCount; d++) {
                double best = Math.min(iouThresholds[t], 1 - 1e-10);
                int m = -1;
                for (int g = 0; g < gCount; g++) {
                    if (gtMatched[t][g] && !crowd[g]) {
                        continue;
                    }
                    // Already matched a regular ground truth and the rest are ignored ones: stop.
                    if (m > -1 && !gtIgnore[m] && gtIgnore[g]) {
                        break;
                    }
                    double iou = ious[d][gtOrder[g]];
                    if (iou < best) {
                        continue;
                    }
                    best = iou;
                    m = g;
                }
                if (m == -1) {
                    continue;
                }
                dtIgnore[t][d] = gtIgnore[m];
                dtMatched[t][d] = true;
                gtMatched[t][m] = true;
            }
        }
        double[] scores = new double[dCount];
        for (int d = 0; d < dCount; d++) {
            Detection dt = dts.get(d);
            scores[d] = dt.score();
            if (range.excludes(dt.area())) {
                for (int t = 0; t < tCount; t++) {
                    dtIgnore[t][d] |= !dtMatched[t][d];
                }
            }
        }
        return new CocoImageEvaluation(scores, dtMatched, dtIgnore, gtIgnore);
    }
}
