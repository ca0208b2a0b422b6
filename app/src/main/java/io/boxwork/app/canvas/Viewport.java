package io.boxwork.app.canvas;

/**
 * Maps image pixels to screen pixels: {@code screen = image * zoom + offset}. Immutable, so a
 * redraw works from one consistent view even while the person keeps scrolling.
 */
public record Viewport(double zoom, double offsetX, double offsetY) {
    public static final double MIN_ZOOM = 0.01;
    public static final double MAX_ZOOM = 64;

    public Viewport {
        if (!(zoom > 0) || !Double.isFinite(offsetX) || !Double.isFinite(offsetY)) {
            throw new IllegalArgumentException("invalid viewport: zoom " + zoom + ", offset " + offsetX + "," + offsetY);
        }
    }

    public static Viewport identity() {
        return new Viewport(1, 0, 0);
    }

    /** The whole image centred in the view, with a small margin so its edges can be grabbed. */
    public static Viewport fit(double imageWidth, double imageHeight, double viewWidth, double viewHeight) {
        if (imageWidth <= 0 || imageHeight <= 0 || viewWidth <= 0 || viewHeight <= 0) return identity();
        double margin = 8;
        double zoom = Math.min((viewWidth - 2 * margin) / imageWidth, (viewHeight - 2 * margin) / imageHeight);
        zoom = clampZoom(zoom > 0 ? zoom : Math.min(viewWidth / imageWidth, viewHeight / imageHeight));
        return new Viewport(zoom, (viewWidth - imageWidth * zoom) / 2, (viewHeight - imageHeight * zoom) / 2);
    }

    /** Zooms by {@code factor} keeping the image point under the cursor where it is. */
    public Viewport zoomAt(double screenX, double screenY, double factor) {
        double next = clampZoom(zoom * factor);
        double ix = imageX(screenX);
        double iy = imageY(screenY);
        return new Viewport(next, screenX - ix * next, screenY - iy * next);
    }

    public Viewport panBy(double dx, double dy) {
        return new Viewport(zoom, offsetX + dx, offsetY + dy);
    }

    public double imageX(double screenX) {
        return (screenX - offsetX) / zoom;
    }

    public double imageY(double screenY) {
        return (screenY - offsetY) / zoom;
    }

    public double screenX(double imageX) {
        return imageX * zoom + offsetX;
    }

    public double screenY(double imageY) {
        return imageY * zoom + offsetY;
    }

    private static double clampZoom(double z) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
    }
}
