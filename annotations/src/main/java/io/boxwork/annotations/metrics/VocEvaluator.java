package io.boxwork.annotations.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Pascal VOC detection AP as the VOC2010+ devkit ({@code VOCevaldet.m}) computes it: detections
 * ranked by score over all images, each matched to the ground truth it overlaps most; a match at
 * {@code IoU >= threshold} to a difficult (or crowd) box is ignored, to an unclaimed box is a true
 * positive, otherwise a false positive; AP is the area under the monotone precision envelope at
 * every recall change (all-point interpolation).
 *
 * <p>{@code inclusivePixels} adds the devkit's +1 to widths and heights (integer pixel indices);
 * off by default because Boxwork boxes are continuous coordinates, as in torchvision.
 */
public final class VocEvaluator {
    private final double iouThreshold;
    private final double pixelOffset;

    public VocEvaluator() {
        this(0.5, false);
    }

    public VocEvaluator(double iouThreshold, boolean inclusivePixels) {
        this.iouThreshold = iouThreshold;
        this.pixelOffset = inclusivePixels ? 1 : 0;
    }

    public VocEvaluation evaluate(Collection<GroundTruth> groundTruths, Collection<Detection> detections) {
        TreeSet<Integer> classes = new TreeSet<>();
        groundTruths.forEach(g -> classes.add(g.classId()));
        detections.forEach(d -> classes.add(d.classId()));
        List<VocClassResult> perClass = new ArrayList<>();
        double sum = 0;
        int withGroundTruth = 0;
        for (int classId : classes) {
            VocClassResult r = evaluateClass(classId, groundTruths, detections);
            perClass.add(r);
            if (r.positives() > 0) {
                sum += r.ap();
                withGroundTruth++;
            }
        }
        return new VocEvaluation(withGroundTruth == 0 ? Double.NaN : sum / withGroundTruth, perClass);
    }

    private VocClassResult evaluateClass(int classId, Collection<GroundTruth> allGts, Collection<Detection> allDts) {
        Map<Integer, List<GroundTruth>> gtsByImage = new HashMap<>();
        Map<GroundTruth, Boolean> claimed = new IdentityHashMap<>();
        int positives = 0;
        for (GroundTruth g : allGts) {
            if (g.classId() == classId) {
                gtsByImage.computeIfAbsent(g.imageId(), i -> new ArrayList<>()).add(g);
                if (!skipped(g)) {
                    positives++;
                }
            }
        }
        List<Detection> dts = new ArrayList<>();
        for (Detection d : allDts) {
            if (d.classId() == classId) {
                dts.add(d);
            }
        }
        double[] scores = new double[dts.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = dts.get(i).score();
        }
        int[] order = StableOrder.descending(scores, scores.length);
        double[] recall = new double[order.length];
        double[] precision = new double[order.length];
        double tp = 0;
        double fp = 0;
        for (int j = 0; j < order.length; j++) {
            Detection d = dts.get(order[j]);
            GroundTruth best = null;
            double bestOverlap = Double.NEGATIVE_INFINITY;
            for (GroundTruth g : gtsByImage.getOrDefault(d.imageId(), List.of())) {
                double ov = overlap(d, g);
                if (ov > bestOverlap) {
                    bestOverlap = ov;
                    best = g;
                }
            }
            if (best != null && bestOverlap >= iouThreshold) {
                if (!skipped(best)) {
                    if (claimed.putIfAbsent(best, Boolean.TRUE) == null) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            } else {
                fp++;
            }
            recall[j] = tp / positives;
            precision[j] = tp / Math.max(tp + fp, Math.ulp(1.0));
        }
        double ap = positives == 0 ? Double.NaN : allPointAp(recall, precision);
        return new VocClassResult(classId, ap, positives, recall, precision);
    }

    private static boolean skipped(GroundTruth g) {
        return g.difficult() || g.crowd();
    }

    /** IoU as the devkit computes it; -infinity when the boxes do not overlap, so they never match. */
    private double overlap(Detection d, GroundTruth g) {
        double iw = Math.min(d.x2(), g.x2()) - Math.max(d.x1(), g.x1()) + pixelOffset;
        double ih = Math.min(d.y2(), g.y2()) - Math.max(d.y1(), g.y1()) + pixelOffset;
        if (iw <= 0 || ih <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double ua = (d.x2() - d.x1() + pixelOffset) * (d.y2() - d.y1() + pixelOffset)
                + (g.x2() - g.x1() + pixelOffset) * (g.y2() - g.y1() + pixelOffset) - iw * ih;
        return iw * ih / ua;
    }

    /** Devkit VOCap: pad recall with 0 and 1, precision with 0 and 0, take the envelope, sum at recall steps. */
    static double allPointAp(double[] recall, double[] precision) {
        int n = recall.length;
        double[] mrec = new double[n + 2];
        double[] mpre = new double[n + 2];
        System.arraycopy(recall, 0, mrec, 1, n);
        System.arraycopy(precision, 0, mpre, 1, n);
        mrec[n + 1] = 1;
        for (int i = n; i >= 0; i--) {
            mpre[i] = Math.max(mpre[i], mpre[i + 1]);
        }
        double ap = 0;
        for (int i = 1; i < n + 2; i++) {
            if (mrec[i] != mrec[i - 1]) {
                ap += (mrec[i] - mrec[i - 1]) * mpre[i];
            }
        }
        return ap;
    }
}
