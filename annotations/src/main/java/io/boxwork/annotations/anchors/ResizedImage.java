package io.boxwork.annotations.anchors;

/**
 * Where an image lands in the model input: its resized size, the batch size after padding, and the
 * float32 ratios torchvision's {@code resize_boxes} multiplies box coordinates by.
 */
public record ResizedImage(int originalHeight, int originalWidth, int height, int width, int paddedHeight,
                           int paddedWidth, float ratioHeight, float ratioWidth) {

    /** Box in original pixels (x1, y1, x2, y2) to model-input pixels, in float like torchvision. */
    public float[] scaleBox(double x1, double y1, double x2, double y2) {
        return new float[] {(float) x1 * ratioWidth, (float) y1 * ratioHeight, (float) x2 * ratioWidth,
                (float) y2 * ratioHeight};
    }
}
