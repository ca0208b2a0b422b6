package io.boxwork.engine.data;

import java.util.Objects;

/**
 * One training item as plain Java arrays, as a decoding thread produces it: the picture, its
 * boxes (N x 4, x1 y1 x2 y2 in this picture's pixels) and their labels (N, 1..K; 0 is
 * background). An image without boxes is a negative: N = 0.
 *
 * @param imagePath the image's path in the project, to name it in errors and events
 */
public record DetectionSample(String imagePath, DecodedImage image, float[] boxes, long[] labels) {

    public DetectionSample {
        Objects.requireNonNull(imagePath, "imagePath");
        Objects.requireNonNull(image, "image");
        if (boxes.length != 4 * labels.length) {
            throw new IllegalArgumentException(imagePath + ": " + boxes.length / 4.0 + " boxes but " + labels.length + " labels");
        }
    }

    public int boxCount() {
        return labels.length;
    }

    /** Box {@code i} as {x1, y1, x2, y2}. */
    public float[] box(int i) {
        return new float[] {boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]};
    }
}
