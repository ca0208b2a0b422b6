package io.boxwork.engine.detection;

import org.bytedeco.pytorch.Tensor;

import java.util.List;

/**
 * A padded batch and the size of each image inside it before padding, as torchvision's
 * {@code ImageList}: the sizes are what anchors and proposal clipping must respect.
 *
 * @param tensors    N x 3 x H x W, zero padded to a multiple of the size divisor
 * @param imageSizes per image {height, width} after resizing, before padding
 */
public record ImageList(Tensor tensors, List<long[]> imageSizes) {
}
