package io.boxwork.engine.detection;

import org.bytedeco.pytorch.Tensor;

import java.util.List;

/**
 * What {@link GeneralizedRcnnTransform} hands to the backbone and the heads.
 *
 * @param images        the normalised, resized, padded batch and each image's resized size
 * @param boxes         each image's target boxes in resized-image pixels (empty when none were given)
 * @param originalSizes each image's {height, width} before resizing, for {@code postprocess}
 */
public record TransformedBatch(ImageList images, List<Tensor> boxes, List<long[]> originalSizes) {
}
