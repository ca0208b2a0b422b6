package io.boxwork.app.anchors;

import io.boxwork.annotations.anchors.BoxCoverage;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.app.images.DecodedImage;

import java.util.function.IntFunction;

/**
 * Everything one frame of the anchor overlay shows, taken from the view-model at once.
 *
 * @param wholeImageSize a size whose anchors are drawn at every cell, or null
 * @param highlight      a box picked from the worst-covered list, or null
 * @param classColour    CSS colour of a class id
 */
public record OverlayState(AnchorGeometry geometry, DecodedImage picture, ImageLabels labels, int level,
                           AnchorGeometry.Cell hover, Integer wholeImageSize, BoxCoverage highlight,
                           IntFunction<String> classColour) {
}
