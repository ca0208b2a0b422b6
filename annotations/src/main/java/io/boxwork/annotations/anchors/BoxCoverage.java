package io.boxwork.annotations.anchors;

/**
 * How well one labelled box is covered: its best IoU with any anchor of any level, measured where
 * the model measures it (after resize), and that anchor mapped back to original pixels.
 *
 * @param boxIndex position of the box in its image's list
 */
public record BoxCoverage(String imageId, int boxIndex, int classId, Rect box, double bestIou, String level,
                          Rect bestAnchor) {
}
