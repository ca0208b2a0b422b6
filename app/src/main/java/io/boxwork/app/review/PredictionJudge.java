package io.boxwork.app.review;

import io.boxwork.annotations.geometry.NmsWorkspace;
import io.boxwork.annotations.geometry.ThresholdNms;
import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.BoxSource;
import io.boxwork.annotations.model.ImageLabels;

import java.util.ArrayList;
import java.util.List;

/**
 * Re-runs the detector's last two steps (score threshold, class-wise NMS) on cached candidates and
 * marks each survivor true or false positive against the labels, greedily by score: a
 * prediction takes the unclaimed label of its class it overlaps most, if that IoU reaches the
 * match threshold. One judge per thread (it reuses its NMS buffers).
 */
public final class PredictionJudge {
    private final NmsWorkspace workspace = new NmsWorkspace();

    public ImageOutcome judge(ImageCandidates c, ImageLabels labels, SliderSettings s) {
        int[] kept = ThresholdNms.apply(c.sorted(), s.scoreThreshold(), s.nmsIou(), s.maxDetections(), workspace);
        List<Box> truth = new ArrayList<>();
        if (labels != null) for (Box b : labels.boxes()) if (b.source() == BoxSource.MANUAL) truth.add(b);
        boolean[] found = new boolean[truth.size()];
        boolean[] tp = new boolean[kept.length];
        float[] boxes = c.boxes();
        for (int k = 0; k < kept.length; k++) {
            int i = kept[k];
            int cls = c.classIds()[i];
            double best = -1;
            int bestTruth = -1;
            for (int t = 0; t < truth.size(); t++) {
                Box g = truth.get(t);
                if (g.classId() != cls || found[t]) continue;
                double iou = iou(boxes, i, g);
                if (iou > best) {
                    best = iou;
                    bestTruth = t;
                }
            }
            if (bestTruth >= 0 && best >= s.matchIou()) {
                found[bestTruth] = true;
                tp[k] = true;
            }
        }
        return new ImageOutcome(c, kept, tp, truth, found);
    }

    static double iou(float[] boxes, int i, Box g) {
        double x1 = boxes[4 * i], y1 = boxes[4 * i + 1], x2 = boxes[4 * i + 2], y2 = boxes[4 * i + 3];
        double w = Math.max(0, Math.min(x2, g.x2()) - Math.max(x1, g.x1()));
        double h = Math.max(0, Math.min(y2, g.y2()) - Math.max(y1, g.y1()));
        double inter = w * h;
        double union = (x2 - x1) * (y2 - y1) + (double) g.width() * g.height() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
