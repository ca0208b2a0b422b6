package io.boxwork.engine.bench;

import io.boxwork.engine.detection.Target;
import org.bytedeco.pytorch.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random square images in [0, 1] and a few random boxes per image, drawn as
 * {@code bench_torchvision.py} draws them (boxes start in the first 60% of the image and span 5–35%
 * of its side; labels 1..numClasses-1), so both sides train on the same kind of batch.
 */
public record SyntheticBatch(List<Tensor> images, List<Target> targets) {

    public static SyntheticBatch draw(int size, int batch, int boxesPerImage, int numClasses, Random random) {
        List<Tensor> images = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            float[] pixels = new float[3 * size * size];
            for (int p = 0; p < pixels.length; p++) {
                pixels[p] = random.nextFloat();
            }
            images.add(Tensor.create(pixels, 3, size, size));
            float[] boxes = new float[4 * boxesPerImage];
            long[] labels = new long[boxesPerImage];
            for (int b = 0; b < boxesPerImage; b++) {
                float x = random.nextFloat() * size * 0.6f;
                float y = random.nextFloat() * size * 0.6f;
                float w = random.nextFloat() * size * 0.3f + size * 0.05f;
                float h = random.nextFloat() * size * 0.3f + size * 0.05f;
                boxes[4 * b] = x;
                boxes[4 * b + 1] = y;
                boxes[4 * b + 2] = x + w;
                boxes[4 * b + 3] = y + h;
                labels[b] = 1 + random.nextInt(numClasses - 1);
            }
            targets.add(new Target(Tensor.create(boxes, boxesPerImage, 4), Tensor.create(labels, boxesPerImage)));
        }
        return new SyntheticBatch(List.copyOf(images), List.copyOf(targets));
    }
}
