package io.boxwork.engine.train;

import io.boxwork.engine.data.DecodedImage;
import io.boxwork.engine.data.DetectionSample;
import io.boxwork.engine.data.SampleSource;

import java.util.SplittableRandom;

/**
 * Images made at test time: a noisy dark background with one bright square, red for class 1,
 * green for class 2; flipped left-right when the loader's random draw says so.
 */
final class GeneratedSamples implements SampleSource {
    private final int count;
    private final int size;
    private final long seed;

    GeneratedSamples(int count, int size, long seed) {
        this.count = count;
        this.size = size;
        this.seed = seed;
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public String imagePath(int index) {
        return "generated-" + index + ".png";
    }

    @Override
    public DetectionSample load(int index, SplittableRandom random) {
        SplittableRandom r = new SplittableRandom(seed * 1000 + index);
        int plane = size * size;
        float[] chw = new float[3 * plane];
        for (int i = 0; i < chw.length; i++) chw[i] = (float) (r.nextDouble() * 0.2);
        int side = size / 4 + r.nextInt(size / 4);
        int x0 = r.nextInt(size - side);
        int y0 = r.nextInt(size - side);
        if (random != null && random.nextBoolean()) x0 = size - side - x0;
        long label = 1 + (index % 2);
        int channel = label == 1 ? 0 : 1;
        for (int y = y0; y < y0 + side; y++) {
            for (int x = x0; x < x0 + side; x++) chw[channel * plane + y * size + x] = 0.9f;
        }
        return new DetectionSample(imagePath(index), new DecodedImage(size, size, chw),
            new float[]{x0, y0, x0 + side, y0 + side}, new long[]{label});
    }
}
