package io.boxwork.app.review;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.LabelClass;
import io.boxwork.annotations.metrics.Detection;
import io.boxwork.annotations.metrics.GroundTruth;
import io.boxwork.annotations.metrics.VocClassResult;
import io.boxwork.annotations.metrics.VocEvaluation;
import io.boxwork.annotations.metrics.VocEvaluator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Per-class precision, recall and AP over judged images; follows the sliders because it reads their outcomes. */
public final class ReviewMetrics {
    private ReviewMetrics() {
    }

    /** @param mAp mean AP over classes with labels (NaN when none has) */
    public record Summary(List<ClassMetrics> perClass, double mAp) {
    }

    public static Summary of(List<ImageOutcome> outcomes, List<LabelClass> classes, double matchIou) {
        List<GroundTruth> truth = new ArrayList<>();
        List<Detection> detections = new ArrayList<>();
        Map<Integer, int[]> counts = new HashMap<>();
        for (int image = 0; image < outcomes.size(); image++) {
            ImageOutcome o = outcomes.get(image);
            for (int t = 0; t < o.truth().size(); t++) {
                Box g = o.truth().get(t);
                GroundTruth gt = GroundTruth.of(image, g.classId(), g.x1(), g.y1(), g.x2(), g.y2());
                truth.add(g.flags().difficult() ? gt.asDifficult() : gt);
                if (!o.found()[t]) counts.computeIfAbsent(g.classId(), k -> new int[3])[2]++;
            }
            for (int k = 0; k < o.kept().length; k++) {
                Box p = o.predictedBox(k);
                detections.add(new Detection(image, p.classId(), p.x1(), p.y1(), p.x2(), p.y2(), p.score()));
                counts.computeIfAbsent(p.classId(), c -> new int[3])[o.truePositive()[k] ? 0 : 1]++;
            }
        }
        VocEvaluation voc = new VocEvaluator(matchIou, false).evaluate(truth, detections);
        Map<Integer, Double> ap = new HashMap<>();
        for (VocClassResult r : voc.perClass()) ap.put(r.classId(), r.positives() == 0 ? Double.NaN : r.ap());
        List<ClassMetrics> rows = new ArrayList<>();
        double sum = 0;
        int withTruth = 0;
        for (LabelClass c : classes) {
            int[] n = counts.getOrDefault(c.id(), new int[3]);
            int tp = n[0], fp = n[1], fn = n[2];
            double precision = tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
            double recall = tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
            double a = ap.getOrDefault(c.id(), Double.NaN);
            if (tp + fn > 0) {
                sum += Double.isNaN(a) ? 0 : a;
                withTruth++;
            }
            rows.add(new ClassMetrics(c.id(), c.name(), tp, fp, fn, precision, recall, tp + fn == 0 ? Double.NaN : a));
        }
        return new Summary(rows, withTruth == 0 ? Double.NaN : sum / withTruth);
    }
}
