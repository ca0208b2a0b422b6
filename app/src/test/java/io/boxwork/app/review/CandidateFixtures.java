package io.boxwork.app.review;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.storage.Project;
import io.boxwork.engine.detection.RawCandidates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Raw candidates written by a test: around each label (jittered copies, some good, some poor) plus
 * scattered boxes, with scores spread over [0, 1]; detector labels 1..K follow the project's class order.
 */
public final class CandidateFixtures {
    private CandidateFixtures() {
    }

    /** Candidates like a detector's raw output for one image of {@code width x height} with these labels. */
    public static RawCandidates around(List<Box> truth, List<Integer> detectorLabels, int classCount, int n, int width, int height, long seed) {
        Random r = new Random(seed);
        float[] boxes = new float[4 * n];
        float[] scores = new float[n];
        int[] labels = new int[n];
        int k = classCount;
        for (int i = 0; i < n; i++) {
            float x1, y1, x2, y2;
            if (!truth.isEmpty() && i % 3 != 2) {
                Box g = truth.get(i % truth.size());
                float j = (float) (r.nextGaussian() * 0.15 * Math.max(g.width(), g.height()) * (i % 3 == 0 ? 0.3 : 1.5));
                x1 = g.x1() + j + (float) r.nextGaussian() * 2;
                y1 = g.y1() - j + (float) r.nextGaussian() * 2;
                x2 = g.x2() + j + (float) r.nextGaussian() * 2;
                y2 = g.y2() + j + (float) r.nextGaussian() * 2;
                labels[i] = i % 7 == 0 ? 1 + r.nextInt(k) : detectorLabels.get(i % truth.size());
            } else {
                float w = 5 + r.nextFloat() * width / 3f, h = 5 + r.nextFloat() * height / 3f;
                x1 = r.nextFloat() * (width - w);
                y1 = r.nextFloat() * (height - h);
                x2 = x1 + w;
                y2 = y1 + h;
                labels[i] = 1 + r.nextInt(k);
            }
            boxes[4 * i] = Math.max(0, Math.min(x1, x2));
            boxes[4 * i + 1] = Math.max(0, Math.min(y1, y2));
            boxes[4 * i + 2] = Math.min(width, Math.max(x1, x2) + 1);
            boxes[4 * i + 3] = Math.min(height, Math.max(y1, y2) + 1);
            // Tight copies of a label score high, loose copies middling, scattered boxes low: like a half-trained detector.
            scores[i] = switch (i % 3) {
                case 0 -> (float) Math.pow(r.nextFloat(), 0.3);
                case 1 -> (float) (0.9 * Math.pow(r.nextFloat(), 2));
                default -> (float) (0.8 * Math.pow(r.nextFloat(), 3));
            };
        }
        return new RawCandidates(boxes, scores, labels);
    }

    /**
     * Writes {@code runs/<id>/best.pth} (a stand-in file: the cache is valid for its size and time, so
     * the network is never run) and the candidates cache of every project image for {@code scope}.
     *
     * @return the checkpoint path
     */
    public static Path writeCache(Project project, ReviewScope scope, Map<String, Integer> candidatesPerImage, int otherwise)
            throws IOException {
        Path run = project.runsDir().resolve("20260101-000000-abcdef");
        Files.createDirectories(run);
        Path ckpt = run.resolve("best.pth");
        Files.write(ckpt, new byte[] {1, 2, 3, 4});
        List<String> names = project.settings().classes().stream().map(c -> c.name()).toList();
        Map<String, RawCandidates> images = new LinkedHashMap<>();
        Map<String, ImageStamp> stamps = new LinkedHashMap<>();
        long seed = 1;
        for (String image : scope.images(project)) {
            ImageLabels l = project.labels(image);
            List<Integer> detectorLabels = l.boxes().stream().map(b -> project.settings().contiguousLabel(b.classId())).toList();
            images.put(image, around(l.boxes(), detectorLabels, names.size(), candidatesPerImage.getOrDefault(image, otherwise),
                l.width(), l.height(), seed++));
            stamps.put(image, ImageStamp.of(project.imageFile(image)));
        }
        CandidateCacheFile.write(ReviewViewModel.cacheFile(ckpt, scope), new CachedPredictions("best.pth", Files.size(ckpt),
            Files.getLastModifiedTime(ckpt).toMillis(), names, images, stamps));
        return ckpt;
    }
}
