package io.boxwork.annotations.anchors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Proposes anchor sizes and aspect ratios from the labelled boxes, measured where the model sees
 * them (after resize): k-means on box (width, height) with the YOLOv2 distance 1 - IoU gives one
 * size per FPN level (smallest cluster on P2), and a 1-D k-means on log(height / width) gives the
 * aspect ratios shared by every level. Seeded, so the same boxes and seed give the same proposal.
 */
public final class AnchorSuggester {
    private static final int MAX_ITERATIONS = 300;

    private AnchorSuggester() {
    }

    public static AnchorSuggestion suggest(List<AnchorImage> images, ResizeSpec resize, int levels, int ratioCount,
                                           long seed, int worstCount) {
        if (levels <= 0 || ratioCount <= 0) {
            throw new AnchorInputException("need at least one level and one aspect ratio, got " + levels + " and "
                    + ratioCount);
        }
        List<double[]> shapes = new ArrayList<>();
        for (AnchorImage image : images) {
            ResizedImage r = resize.resize(image.height(), image.width());
            for (LabelledBox b : image.boxes()) {
                float[] s = r.scaleBox(b.x1(), b.y1(), b.x2(), b.y2());
                shapes.add(new double[] {s[2] - s[0], s[3] - s[1]});
            }
        }
        if (shapes.isEmpty()) {
            throw new AnchorInputException("no labelled boxes to fit anchors to");
        }
        double[] w = new double[shapes.size()];
        double[] h = new double[shapes.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = shapes.get(i)[0];
            h[i] = shapes.get(i)[1];
        }
        double[][] centroids = iouKMeans(w, h, levels, seed);
        double[] sizes = new double[levels];
        for (int c = 0; c < levels; c++) {
            sizes[c] = Math.max(1, Math.round(Math.sqrt(centroids[c][0] * centroids[c][1])));
        }
        Arrays.sort(sizes);
        double[] ratios = logRatioKMeans(w, h, ratioCount);
        AnchorSpec spec = AnchorSpec.uniformRatios(sizes, ratios);
        AnchorCoverage coverage = AnchorCoverageCalculator.compute(spec, resize, images, worstCount);
        return new AnchorSuggestion(spec, coverage, meanBestShapeIou(w, h, centroids));
    }

    /** IoU of two boxes of sizes (w1, h1) and (w2, h2) sharing a centre. */
    static double shapeIou(double w1, double h1, double w2, double h2) {
        double inter = Math.min(w1, w2) * Math.min(h1, h2);
        return inter / (w1 * h1 + w2 * h2 - inter);
    }

    /** k-means++ seeding and Lloyd iterations under 1 - IoU; centroids are mean widths and heights. */
    static double[][] iouKMeans(double[] w, double[] h, int k, long seed) {
        int n = w.length;
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centroids = new double[k][];
        int first = random.nextInt(n);
        centroids[0] = new double[] {w[first], h[first]};
        double[] d2 = new double[n];
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                double d = nearestDistance(w[i], h[i], centroids, c);
                d2[i] = d * d;
                total += d2[i];
            }
            int pick = n - 1;
            if (total > 0) {
                double target = random.nextDouble() * total;
                for (int i = 0; i < n; i++) {
                    target -= d2[i];
                    if (target < 0) {
                        pick = i;
                        break;
                    }
                }
            } else {
                pick = random.nextInt(n);
            }
            centroids[c] = new double[] {w[pick], h[pick]};
        }
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int c = nearest(w[i], h[i], centroids);
                if (c != assignment[i]) {
                    assignment[i] = c;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            double[][] sums = new double[k][3];
            for (int i = 0; i < n; i++) {
                sums[assignment[i]][0] += w[i];
                sums[assignment[i]][1] += h[i];
                sums[assignment[i]][2]++;
            }
            for (int c = 0; c < k; c++) {
                // An emptied cluster keeps its centroid rather than vanish: k levels need k sizes.
                if (sums[c][2] > 0) {
                    centroids[c] = new double[] {sums[c][0] / sums[c][2], sums[c][1] / sums[c][2]};
                }
            }
        }
        return centroids;
    }

    /** Aspect ratios (height / width) from a 1-D k-means on log ratio seeded at evenly spaced quantiles. */
    static double[] logRatioKMeans(double[] w, double[] h, int k) {
        int n = w.length;
        double[] logs = new double[n];
        for (int i = 0; i < n; i++) {
            logs[i] = Math.log(h[i] / w[i]);
        }
        double[] sorted = logs.clone();
        Arrays.sort(sorted);
        double[] centres = new double[k];
        for (int c = 0; c < k; c++) {
            centres[c] = sorted[(int) Math.min(n - 1, Math.floor((c + 0.5) * n / k))];
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] sum = new double[k];
            int[] count = new int[k];
            for (double v : logs) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (Math.abs(v - centres[c]) < Math.abs(v - centres[best])) {
                        best = c;
                    }
                }
                sum[best] += v;
                count[best]++;
            }
            boolean moved = false;
            for (int c = 0; c < k; c++) {
                if (count[c] > 0) {
                    double next = sum[c] / count[c];
                    moved |= next != centres[c];
                    centres[c] = next;
                }
            }
            if (!moved) {
                break;
            }
        }
        double[] ratios = new double[k];
        for (int c = 0; c < k; c++) {
            ratios[c] = Math.round(Math.exp(centres[c]) * 100) / 100.0;
        }
        Arrays.sort(ratios);
        return ratios;
    }

    private static double meanBestShapeIou(double[] w, double[] h, double[][] centroids) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            int c = nearest(w[i], h[i], centroids);
            sum += shapeIou(w[i], h[i], centroids[c][0], centroids[c][1]);
        }
        return sum / w.length;
    }

    private static int nearest(double w, double h, double[][] centroids) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double d = 1 - shapeIou(w, h, centroids[c][0], centroids[c][1]);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    private static double nearestDistance(double w, double h, double[][] centroids, int count) {
        double best = Double.POSITIVE_INFINITY;
        for (int c = 0; c < count; c++) {
            best = Math.min(best, 1 - shapeIou(w, h, centroids[c][0], centroids[c][1]));
        }
        return best;
    }
}
