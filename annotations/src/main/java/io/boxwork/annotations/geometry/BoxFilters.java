package io.boxwork.annotations.geometry;

import java.util.Arrays;

/** Element-wise box filters with torchvision's comparison directions. */
public final class BoxFilters {
    private BoxFilters() {
    }

    /** Copy of {@code boxes} with x clamped to [0, width] and y to [0, height], like {@code clip_boxes_to_image}. */
    public static float[] clipToImage(float[] boxes, int height, int width) {
        float[] out = boxes.clone();
        clipToImageInPlace(out, height, width);
        return out;
    }

    public static void clipToImageInPlace(float[] boxes, int height, int width) {
        BoxArrayException.boxCount("boxes", boxes);
        if (height < 0 || width < 0) {
            throw new BoxArrayException("image size " + width + "x" + height + " is negative");
        }
        for (int o = 0; o < boxes.length; o += 4) {
            boxes[o] = clamp(boxes[o], width);
            boxes[o + 1] = clamp(boxes[o + 1], height);
            boxes[o + 2] = clamp(boxes[o + 2], width);
            boxes[o + 3] = clamp(boxes[o + 3], height);
        }
    }

    private static float clamp(float v, int max) {
        // Written as max-then-min so NaN stays NaN, as torch.clamp leaves it.
        return Math.min(Math.max(v, 0f), (float) max);
    }

    /** Indices of boxes whose width and height are both at least {@code minSize} ({@code remove_small_boxes}). */
    public static int[] keepAtLeast(float[] boxes, float minSize) {
        int n = BoxArrayException.boxCount("boxes", boxes);
        int[] keep = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            int o = 4 * i;
            if (boxes[o + 2] - boxes[o] >= minSize && boxes[o + 3] - boxes[o + 1] >= minSize) {
                keep[count++] = i;
            }
        }
        return Arrays.copyOf(keep, count);
    }

    /** Indices whose score is strictly above {@code threshold}, as roi_heads' {@code scores > box_score_thresh}
     * (torch compares a float32 tensor with a Python number in float32, hence the float threshold). */
    public static int[] scoreAbove(float[] scores, float threshold) {
        int[] keep = new int[scores.length];
        int count = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > threshold) {
                keep[count++] = i;
            }
        }
        return Arrays.copyOf(keep, count);
    }
}
