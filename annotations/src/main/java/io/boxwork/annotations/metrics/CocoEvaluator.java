package io.boxwork.annotations.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * COCO box evaluation ported from pycocotools' {@code COCOeval} ({@code evaluate}, {@code accumulate},
 * {@code summarize}) with {@code iouType='bbox'} and {@code useCats=1}.
 *
 * <p>Images are every image id seen in the ground truth or the detections; an image with neither
 * cannot change any figure, so it need not be listed. Classes are every class id seen; a class with
 * no ground truth gets -1 everywhere and stays out of the means, as in pycocotools.
 *
 * <p>A ground truth is ignored when it is crowd or outside the area range. pycocotools' {@code _prepare}
 * overwrites an annotation's own {@code ignore} key with {@code iscrowd}, so crowd is the only
 * per-annotation ignore flag it honours, and the only one here. Boxes are compared as given
 * (x1, y1, x2, y2 in double), not re-derived from a rounded x, y, w, h.
 */
public final class CocoEvaluator {
    private static final double EPS = Math.ulp(1.0); // np.spacing(1)

    private final CocoParams params;

    public CocoEvaluator() {
        this(CocoParams.defaults());
    }

    public CocoEvaluator(CocoParams params) {
        this.params = params;
    }

    public CocoEvaluation evaluate(Collection<GroundTruth> groundTruths, Collection<Detection> detections) {
        TreeSet<Integer> imageSet = new TreeSet<>();
        TreeSet<Integer> classSet = new TreeSet<>();
        Map<Long, List<GroundTruth>> gtByCell = new HashMap<>();
        Map<Long, List<Detection>> dtByCell = new HashMap<>();
        for (GroundTruth g : groundTruths) {
            imageSet.add(g.imageId());
            classSet.add(g.classId());
            gtByCell.computeIfAbsent(cell(g.imageId(), g.classId()), c -> new ArrayList<>()).add(g);
        }
        for (Detection d : detections) {
            imageSet.add(d.imageId());
            classSet.add(d.classId());
            dtByCell.computeIfAbsent(cell(d.imageId(), d.classId()), c -> new ArrayList<>()).add(d);
        }
        int[] images = imageSet.stream().mapToInt(Integer::intValue).toArray();
        int[] classes = classSet.stream().mapToInt(Integer::intValue).toArray();
        int aCount = params.areaRanges().size();
        int maxDet = params.maxDetectionsAt(params.maxDetectionsCount() - 1);

        // evalImgs[k][a][i], null where the image has neither ground truth nor detection of the class.
        CocoImageEvaluation[][][] evalImgs = new CocoImageEvaluation[classes.length][aCount][images.length];
        double[] iouThresholds = params.iouThresholds();
        for (int k = 0; k < classes.length; k++) {
            for (int i = 0; i < images.length; i++) {
                long c = cell(images[i], classes[k]);
                List<GroundTruth> gts = gtByCell.getOrDefault(c, List.of());
                List<Detection> dts = topByScore(dtByCell.getOrDefault(c, List.of()), maxDet);
                if (gts.isEmpty() && dts.isEmpty()) {
                    continue;
                }
                double[][] ious = CocoIou.matrix(dts, gts);
                for (int a = 0; a < aCount; a++) {
                    evalImgs[k][a][i] = CocoImageEvaluation.of(gts, dts, ious, params.areaRanges().get(a),
                            iouThresholds);
                }
            }
        }
        return accumulate(classes, evalImgs);
    }

    private CocoEvaluation accumulate(int[] classes, CocoImageEvaluation[][][] evalImgs) {
        CocoLayout layout = CocoLayout.of(params, classes.length);
        double[] precision = filled(layout.precisionSize(), -1);
        double[] recall = filled(layout.recallSize(), -1);
        double[] scores = filled(layout.precisionSize(), -1);
        int[] groundTruthCounts = new int[classes.length];
        double[] recThrs = params.recallThresholds();
        int tCount = layout.t();
        for (int k = 0; k < classes.length; k++) {
            for (int a = 0; a < layout.a(); a++) {
                for (int m = 0; m < layout.m(); m++) {
                    int maxDet = params.maxDetectionsAt(m);
                    Concatenated e = Concatenated.of(evalImgs[k][a], maxDet, tCount);
                    if (e == null) {
                        continue;
                    }
                    if (a == 0) {
                        groundTruthCounts[k] = e.regularGroundTruths;
                    }
                    if (e.regularGroundTruths == 0) {
                        continue;
                    }
                    int n = e.scores.length;
                    int[] order = StableOrder.descending(e.scores, n);
                    double[] rc = new double[n];
                    double[] pr = new double[n];
                    for (int t = 0; t < tCount; t++) {
                        double tp = 0;
                        double fp = 0;
                        for (int j = 0; j < n; j++) {
                            int d = order[j];
                            if (!e.ignored[t][d]) {
                                if (e.matched[t][d]) {
                                    tp++;
                                } else {
                                    fp++;
                                }
                            }
                            rc[j] = tp / e.regularGroundTruths;
                            pr[j] = tp / (fp + tp + EPS);
                        }
                        recall[layout.recallIndex(t, k, a, m)] = n > 0 ? rc[n - 1] : 0;
                        for (int j = n - 1; j > 0; j--) {
                            if (pr[j] > pr[j - 1]) {
                                pr[j - 1] = pr[j];
                            }
                        }
                        // np.searchsorted(rc, recThrs, side='left'); recall levels never reached keep 0.
                        int j = 0;
                        for (int r = 0; r < recThrs.length; r++) {
                            while (j < n && rc[j] < recThrs[r]) {
                                j++;
                            }
                            int idx = layout.precisionIndex(t, r, k, a, m);
                            if (j < n) {
                                precision[idx] = pr[j];
                                scores[idx] = e.scores[order[j]];
                            } else {
                                precision[idx] = 0;
                                scores[idx] = 0;
                            }
                        }
                    }
                }
            }
        }
        return new CocoEvaluation(params, classes, groundTruthCounts, precision, recall, scores);
    }

    /** The image's detections by descending score (stable on input order), cut to {@code maxDet}. */
    private static List<Detection> topByScore(List<Detection> dts, int maxDet) {
        double[] s = new double[dts.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = dts.get(i).score();
        }
        int[] order = StableOrder.descending(s, s.length);
        List<Detection> out = new ArrayList<>(Math.min(maxDet, s.length));
        for (int i = 0; i < order.length && i < maxDet; i++) {
            out.add(dts.get(order[i]));
        }
        return out;
    }

    private static long cell(int imageId, int classId) {
        return ((long) imageId << 32) | (classId & 0xffffffffL);
    }

    private static double[] filled(int n, double v) {
        double[] out = new double[n];
        Arrays.fill(out, v);
        return out;
    }

    /** One class and area range over all images, each image's detections cut to maxDet, in image order. */
    private record Concatenated(double[] scores, boolean[][] matched, boolean[][] ignored, int regularGroundTruths) {
        static Concatenated of(CocoImageEvaluation[] perImage, int maxDet, int tCount) {
            int n = 0;
            int regular = 0;
            boolean any = false;
            for (CocoImageEvaluation e : perImage) {
                if (e != null) {
                    any = true;
                    n += Math.min(maxDet, e.dtScores().length);
                    for (boolean ig : e.gtIgnore()) {
                        if (!ig) {
                            regular++;
                        }
                    }
                }
            }
            if (!any) {
                return null;
            }
            double[] scores = new double[n];
            boolean[][] matched = new boolean[tCount][n];
            boolean[][] ignored = new boolean[tCount][n];
            int p = 0;
            for (CocoImageEvaluation e : perImage) {
                if (e == null) {
                    continue;
                }
                int d = Math.min(maxDet, e.dtScores().length);
                System.arraycopy(e.dtScores(), 0, scores, p, d);
                for (int t = 0; t < tCount; t++) {
                    System.arraycopy(e.dtMatched()[t], 0, matched[t], p, d);
                    System.arraycopy(e.dtIgnore()[t], 0, ignored[t], p, d);
                }
                p += d;
            }
            return new Concatenated(scores, matched, ignored, regular);
        }
    }
}
