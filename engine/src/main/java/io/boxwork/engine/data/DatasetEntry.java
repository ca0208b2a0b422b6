package io.boxwork.engine.data;

import java.nio.file.Path;

/**
 * One image of a dataset with its targets, before decoding.
 *
 * @param width  image width the labels were drawn on
 * @param boxes  N x 4 (x1 y1 x2 y2), clipped to the image, each with area
 * @param labels N detector labels, 1..K
 */
public record DatasetEntry(String imagePath, Path file, int width, int height, float[] boxes, long[] labels) {

    public int boxCount() {
        return labels.length;
    }
}
