package io.boxwork.app.anchors;

import io.boxwork.annotations.anchors.Rect;

import java.util.List;

/**
 * What the last overlay frame drew, in model-input pixels: read by tests and by the hover readout.
 *
 * @param hoverAnchors  the anchors of the cell under the mouse
 * @param gridPoints    anchor centres drawn for the chosen level
 * @param pointStep     1 when every centre is drawn, k when every k-th row and column is
 * @param wholeAnchors  anchors drawn for the "all anchors of one size" view
 */
public record OverlayFrame(List<Rect> hoverAnchors, int gridPoints, int pointStep, int wholeAnchors) {
    public static final OverlayFrame EMPTY = new OverlayFrame(List.of(), 0, 1, 0);

    public OverlayFrame {
        hoverAnchors = List.copyOf(hoverAnchors);
    }
}
