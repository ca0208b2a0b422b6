package io.boxwork.engine.detection;

import org.bytedeco.pytorch.Tensor;

/**
 * Ground truth of one training image, in the coordinates of the tensor the model sees.
 *
 * @param boxes  {@code K x 4} float {@code x1, y1, x2, y2}
 * @param labels {@code K} int64 class ids, 0 being background
 */
public record Target(Tensor boxes, Tensor labels) {
}
