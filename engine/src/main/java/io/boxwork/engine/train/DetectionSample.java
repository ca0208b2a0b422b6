package io.boxwork.engine.train;

/**
 * One training image in plain arrays (tensors are made inside the step's scope).
 *
 * @param chw    {@code 3 x height x width} floats in [0, 1]
 * @param boxes  {@code n * 4} floats, x1 y1 x2 y2 in image pixels
 * @param labels {@code n} detector labels 1..K
 */
public record DetectionSample(String imagePath, float[] chw, int width, int height, float[] boxes, long[] labels) {

    public DetectionSample {
        if (chw.length != 3L * width * height) {
            throw new IllegalArgumentException(imagePath + ": " + chw.length + " pixel values for a " + width + "x" + height + " image");
        }
        if (boxes.length != labels.length * 4) {
            throw new IllegalArgumentException(imagePath + ": " + boxes.length + " box values for " + labels.length + " labels");
        }
    }

    /** The same image mirrored left-right, boxes with it. */
    public DetectionSample flipped() {
        float[] out = new float[chw.length];
        int plane = width * height;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < height; y++) {
                int row = c * plane + y * width;
                for (int x = 0; x < width; x++) out[row + x] = chw[row + width - 1 - x];
            }
        }
        float[] b = boxes.clone();
        for (int i = 0; i < labels.length; i++) {
            b[4 * i] = width - boxes[4 * i + 2];
            b[4 * i + 2] = width - boxes[4 * i];
        }
        return new DetectionSample(imagePath, out, width, height, b, labels);
    }
}
