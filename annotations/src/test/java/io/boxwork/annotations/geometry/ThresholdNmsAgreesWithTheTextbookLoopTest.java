package io.boxwork.annotations.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.boxwork.annotations.bench.CandidateFixture;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bucketed, kept-list NMS against a plain transcription of torchvision's CPU kernel (sort, then
 * let each surviving box suppress every later overlapping one), on data meant to stress the grid:
 * huge and tiny boxes, boxes far outside the image, empty boxes, and thresholds of every kind.
 */
class ThresholdNmsAgreesWithTheTextbookLoopTest {

    @Test
    void bucketedNmsKeepsExactlyWhatTheQuadraticLoopKeeps() {
        NmsWorkspace ws = new NmsWorkspace();
        for (String layout : List.of("clustered", "uniform")) {
            CandidateFixture f = CandidateFixture.generate(layout, 10_000, 20, 99);
            check(f.boxes(), f.scores(), f.labels(), ws, layout, new double[] {0.5}, new float[] {0.05f});
        }
        SplittableRandom random = new SplittableRandom(4);
        for (int round = 0; round < 30; round++) {
            int n = 1 + random.nextInt(600);
            float[] boxes = new float[4 * n];
            float[] scores = new float[n];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                double scale = switch (random.nextInt(4)) {
                    case 0 -> 3;
                    case 1 -> 60;
                    case 2 -> 600;
                    default -> 5000;
                };
                float x = (float) ((random.nextDouble() - 0.2) * 1500);
                float y = (float) ((random.nextDouble() - 0.2) * 1000);
                float w = random.nextInt(25) == 0 ? 0 : (float) (random.nextDouble() * scale);
                float h = (float) (random.nextDouble() * scale);
                boxes[4 * i] = x;
                boxes[4 * i + 1] = y;
                boxes[4 * i + 2] = x + w;
                boxes[4 * i + 3] = y + h;
                scores[i] = random.nextInt(5) == 0 ? 0.5f : (float) random.nextDouble();
                labels[i] = random.nextInt(1 + round % 5);
            }
            check(boxes, scores, labels, ws, "round " + round, new double[] {-0.1, 0.0, 0.3, 0.5, 0.7, 1.0},
                    new float[] {0f, 0.5f});
        }
    }

    private static void check(float[] boxes, float[] scores, int[] labels, NmsWorkspace ws, String what,
                              double[] ious, float[] thresholds) {
        NmsCandidates c = NmsCandidates.of(boxes, scores, labels);
        for (double iou : ious) {
            for (float threshold : thresholds) {
                assertArrayEquals(textbook(boxes, scores, labels, threshold, iou),
                        ThresholdNms.apply(c, threshold, iou, Integer.MAX_VALUE, ws),
                        what + " at IoU " + iou + ", score > " + threshold);
            }
        }
    }

    private static int[] textbook(float[] boxes, float[] scores, int[] labels, float scoreThreshold, double iou) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > scoreThreshold) {
                order.add(i);
            }
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i));
        boolean[] suppressed = new boolean[scores.length];
        List<Integer> keep = new ArrayList<>();
        for (int a = 0; a < order.size(); a++) {
            int i = order.get(a);
            if (suppressed[i]) {
                continue;
            }
            keep.add(i);
            float iarea = (boxes[4 * i + 2] - boxes[4 * i]) * (boxes[4 * i + 3] - boxes[4 * i + 1]);
            for (int b = a + 1; b < order.size(); b++) {
                int j = order.get(b);
                if (suppressed[j] || labels[j] != labels[i]) {
                    continue;
                }
                float xx1 = Math.max(boxes[4 * i], boxes[4 * j]);
                float yy1 = Math.max(boxes[4 * i + 1], boxes[4 * j + 1]);
                float xx2 = Math.min(boxes[4 * i + 2], boxes[4 * j + 2]);
                float yy2 = Math.min(boxes[4 * i + 3], boxes[4 * j + 3]);
                float w = Math.max(0f, xx2 - xx1);
                float h = Math.max(0f, yy2 - yy1);
                float inter = w * h;
                float jarea = (boxes[4 * j + 2] - boxes[4 * j]) * (boxes[4 * j + 3] - boxes[4 * j + 1]);
                if (inter / (iarea + jarea - inter) > iou) {
                    suppressed[j] = true;
                }
            }
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }
}
