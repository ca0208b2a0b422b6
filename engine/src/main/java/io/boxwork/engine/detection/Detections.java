package io.boxwork.engine.detection;

import org.bytedeco.pytorch.Tensor;

/**
 * Final detections of one image, by decreasing score.
 *
 * @param boxes  {@code D x 4} float {@code x1, y1, x2, y2}
 * @param scores {@code D} float
 * @param labels {@code D} int64 class ids (never 0, the background)
 */
public record Detections(Tensor boxes, Tensor scores, Tensor labels) {
}
