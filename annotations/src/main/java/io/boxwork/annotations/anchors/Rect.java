package io.boxwork.annotations.anchors;

/** An axis-aligned box {@code x1, y1, x2, y2} in original image pixels. */
public record Rect(double x1, double y1, double x2, double y2) {
    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }
}
