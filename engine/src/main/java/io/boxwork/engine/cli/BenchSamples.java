package io.boxwork.engine.cli;

import io.boxwork.engine.data.DecodedImage;
import io.boxwork.engine.data.DetectionSample;
import io.boxwork.engine.data.SampleSource;

import java.util.SplittableRandom;

/** Generated images for {@code bench}: one to three bright rectangles of two classes on a noisy background. */
final class BenchSamples implements SampleSource {
    private final int count;
    private final int size;

    BenchSamples(int count, int size) {
        this.count = count;
        this.size = size;
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public String imagePath(int index) {
        return "bench-" + index;
    }

    @Override
    public DetectionSample load(int index, SplittableRandom random) {
        SplittableRandom r = new SplittableRandom(index * 7919L + 13);
        int plane = size * size;
        float[] chw = new float[3 * plane];
        for (int i = 0; i < chw.length; i++) chw[i] = (float) (r.nextDouble() * 0.25);
        int n = 1 + r.nextInt(3);
        float[] boxes = new float[4 * n];
        long[] labels = new long[n];
        for (int b = 0; b < n; b++) {
            int w = size / 8 + r.nextInt(size / 3);
            int h = size / 8 + r.nextInt(size / 3);
            int x = r.nextInt(size - w);
            int y = r.nextInt(size - h);
            labels[b] = 1 + r.nextInt(2);
            int c = labels[b] == 1 ? 0 : 1;
            for (int yy = y; yy < y + h; yy++) for (int xx = x; xx < x + w; xx++) chw[c * plane + yy * size + xx] = 0.9f;
            boxes[4 * b] = x;
            boxes[4 * b + 1] = y;
            boxes[4 * b + 2] = x + w;
            boxes[4 * b + 3] = y + h;
        }
        return new DetectionSample(imagePath(index), new DecodedImage(size, size, chw), boxes, labels);
    }
}
