package io.boxwork.annotations.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Result of {@link CocoEvaluator}: pycocotools' accumulated {@code precision [T,R,K,A,M]},
 * {@code recall [T,K,A,M]} and {@code scores [T,R,K,A,M]} arrays, with -1 where a class has no
 * ground truth in a setting, plus the summary and per-class views derived from them.
 */
public final class CocoEvaluation {
    private final CocoParams params;
    private final int[] classIds;
    private final int[] groundTruthCounts;
    private final double[] precision;
    private final double[] recall;
    private final double[] scores;
    private final CocoSummary summary;
    private final CocoLayout layout;

    CocoEvaluation(CocoParams params, int[] classIds, int[] groundTruthCounts, double[] precision, double[] recall,
                   double[] scores) {
        this.params = params;
        this.classIds = classIds;
        this.groundTruthCounts = groundTruthCounts;
        this.precision = precision;
        this.recall = recall;
        this.scores = scores;
        this.layout = CocoLayout.of(params, classIds.length);
        this.summary = summarize();
    }

    public CocoParams params() {
        return params;
    }

    /** Evaluated class ids, ascending: the K axis of the arrays. */
    public int[] classIds() {
        return classIds.clone();
    }

    public CocoSummary summary() {
        return summary;
    }

    public double precision(int t, int r, int k, int a, int m) {
        return precision[precisionIndex(t, r, k, a, m)];
    }

    public double scoreAt(int t, int r, int k, int a, int m) {
        return scores[precisionIndex(t, r, k, a, m)];
    }

    public double recall(int t, int k, int a, int m) {
        return recall[recallIndex(t, k, a, m)];
    }

    /** AP over every IoU threshold, the first area range ("all"), largest maxDets; empty when the class is unknown or has no ground truth. */
    public OptionalDouble classAp(int classId) {
        int k = classIndex(classId);
        if (k < 0) {
            return OptionalDouble.empty();
        }
        double ap = meanPrecision(-1, k, 0, params.maxDetectionsCount() - 1);
        return ap == -1 ? OptionalDouble.empty() : OptionalDouble.of(ap);
    }

    public List<CocoClassMetrics> perClass() {
        int m = params.maxDetectionsCount() - 1;
        int t50 = params.indexOfIou(0.5);
        int t75 = params.indexOfIou(0.75);
        List<CocoClassMetrics> out = new ArrayList<>(classIds.length);
        for (int k = 0; k < classIds.length; k++) {
            out.add(new CocoClassMetrics(classIds[k], groundTruthCounts[k], nanIfAbsent(meanPrecision(-1, k, 0, m)),
                    t50 < 0 ? Double.NaN : nanIfAbsent(meanPrecision(t50, k, 0, m)),
                    t75 < 0 ? Double.NaN : nanIfAbsent(meanPrecision(t75, k, 0, m)),
                    nanIfAbsent(meanRecall(-1, k, 0, m))));
        }
        return out;
    }

    /** The class's interpolated precision at each recall threshold, at IoU threshold index {@code t}, all areas. */
    public PrecisionRecallCurve curve(int classId, int t) {
        int k = classIndex(classId);
        if (k < 0) {
            throw new MetricsInputException("class " + classId + " was not evaluated");
        }
        int r = params.recallCount();
        int m = params.maxDetectionsCount() - 1;
        double[] p = new double[r];
        double[] s = new double[r];
        for (int i = 0; i < r; i++) {
            p[i] = precision(t, i, k, 0, m);
            s[i] = scoreAt(t, i, k, 0, m);
        }
        return new PrecisionRecallCurve(params.recallThresholds(), p, s);
    }

    private CocoSummary summarize() {
        int mCount = params.maxDetectionsCount();
        int m0 = 0;
        int m1 = Math.min(1, mCount - 1);
        int m2 = Math.min(2, mCount - 1);
        int all = params.indexOfArea("all");
        int small = params.indexOfArea("small");
        int medium = params.indexOfArea("medium");
        int large = params.indexOfArea("large");
        int t50 = params.indexOfIou(0.5);
        int t75 = params.indexOfIou(0.75);
        return new CocoSummary(
                meanPrecision(-1, -1, all, m2),
                t50 < 0 ? -1 : meanPrecision(t50, -1, all, m2),
                t75 < 0 ? -1 : meanPrecision(t75, -1, all, m2),
                meanPrecision(-1, -1, small, m2),
                meanPrecision(-1, -1, medium, m2),
                meanPrecision(-1, -1, large, m2),
                meanRecall(-1, -1, all, m0),
                meanRecall(-1, -1, all, m1),
                meanRecall(-1, -1, all, m2),
                meanRecall(-1, -1, small, m2),
                meanRecall(-1, -1, medium, m2),
                meanRecall(-1, -1, large, m2));
    }

    /** Mean of the entries above -1, over every t (when {@code tOnly} is -1) and every k (when {@code kOnly} is -1). */
    private double meanPrecision(int tOnly, int kOnly, int a, int m) {
        if (a < 0) {
            return -1;
        }
        double sum = 0;
        long n = 0;
        int tCount = params.iouCount();
        int rCount = params.recallCount();
        for (int t = 0; t < tCount; t++) {
            if (tOnly >= 0 && t != tOnly) {
                continue;
            }
            for (int r = 0; r < rCount; r++) {
                for (int k = 0; k < classIds.length; k++) {
                    if (kOnly >= 0 && k != kOnly) {
                        continue;
                    }
                    double v = precision(t, r, k, a, m);
                    if (v > -1) {
                        sum += v;
                        n++;
                    }
                }
            }
        }
        return n == 0 ? -1 : sum / n;
    }

    private double meanRecall(int tOnly, int kOnly, int a, int m) {
        if (a < 0) {
            return -1;
        }
        double sum = 0;
        long n = 0;
        for (int t = 0; t < params.iouCount(); t++) {
            if (tOnly >= 0 && t != tOnly) {
                continue;
            }
            for (int k = 0; k < classIds.length; k++) {
                if (kOnly >= 0 && k != kOnly) {
                    continue;
                }
                double v = recall(t, k, a, m);
                if (v > -1) {
                    sum += v;
                    n++;
                }
            }
        }
        return n == 0 ? -1 : sum / n;
    }

    private static double nanIfAbsent(double v) {
        return v == -1 ? Double.NaN : v;
    }

    private int classIndex(int classId) {
        return Arrays.binarySearch(classIds, classId);
    }

    private int precisionIndex(int t, int r, int k, int a, int m) {
        return layout.precisionIndex(t, r, k, a, m);
    }

    private int recallIndex(int t, int k, int a, int m) {
        return layout.recallIndex(t, k, a, m);
    }
}
