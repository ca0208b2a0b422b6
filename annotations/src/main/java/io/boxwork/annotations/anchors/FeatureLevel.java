package io.boxwork.annotations.anchors;

/**
 * One FPN output: its grid and the stride torchvision's AnchorGenerator derives for it,
 * {@code padded image size // grid size} (so not always a power of two: P6 of an 800-pixel side has
 * 13 cells and stride 61).
 */
public record FeatureLevel(String name, int gridHeight, int gridWidth, int strideHeight, int strideWidth) {
    public int cellCount() {
        return gridHeight * gridWidth;
    }
}
