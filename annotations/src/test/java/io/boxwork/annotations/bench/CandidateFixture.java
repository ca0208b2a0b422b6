package io.boxwork.annotations.bench;

import java.util.SplittableRandom;

/**
 * Synthetic raw detector candidates for an 1333x800 image. {@code clustered} looks like a detector's
 * output: most candidates jittered around a few objects per class, the rest low-scoring clutter.
 * {@code uniform} scatters boxes everywhere, so few suppress each other: the slow case for NMS.
 */
public record CandidateFixture(float[] boxes, float[] scores, int[] labels) {

    public static CandidateFixture generate(String layout, int count, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] boxes = new float[4 * count];
        float[] scores = new float[count];
        int[] labels = new int[count];
        int objectsPerClass = 8;
        float[][] objects = new float[classes * objectsPerClass][];
        for (int o = 0; o < objects.length; o++) {
            float w = 20 + (float) random.nextDouble() * 280;
            float h = 20 + (float) random.nextDouble() * 280;
            float x = (float) random.nextDouble() * (1333 - w);
            float y = (float) random.nextDouble() * (800 - h);
            objects[o] = new float[] {x, y, w, h};
        }
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(classes);
            float x;
            float y;
            float w;
            float h;
            float score;
            if (layout.equals("clustered") && random.nextDouble() < 0.7) {
                float[] o = objects[label * objectsPerClass + random.nextInt(objectsPerClass)];
                w = o[2] * (float) (0.8 + random.nextDouble() * 0.4);
                h = o[3] * (float) (0.8 + random.nextDouble() * 0.4);
                x = o[0] + o[2] * (float) ((random.nextDouble() - 0.5) * 0.3);
                y = o[1] + o[3] * (float) ((random.nextDouble() - 0.5) * 0.3);
                score = 0.3f + (float) random.nextDouble() * 0.7f;
            } else {
                w = 10 + (float) random.nextDouble() * 190;
                h = 10 + (float) random.nextDouble() * 190;
                x = (float) random.nextDouble() * (1333 - w);
                y = (float) random.nextDouble() * (800 - h);
                score = layout.equals("clustered") ? (float) random.nextDouble() * 0.3f : (float) random.nextDouble();
            }
            boxes[4 * i] = x;
            boxes[4 * i + 1] = y;
            boxes[4 * i + 2] = x + w;
            boxes[4 * i + 3] = y + h;
            scores[i] = score;
            labels[i] = label;
        }
        return new CandidateFixture(boxes, scores, labels);
    }
}
