package io.boxwork.sample;

import java.awt.image.BufferedImage;

/**
 * Packed 0xRRGGBB pixels drawn by plain Java arithmetic: no Java2D rasteriser, so the same seed
 * gives the same pixels on every JDK and the committed sample can be checked against a rebuild.
 */
final class RgbCanvas {
    /** Samples per pixel side for coverage: 4 x 4 gives soft, antialiased edges. */
    static final int SUPERSAMPLING = 4;

    private final int width;
    private final int height;
    private final int[] rgb;

    RgbCanvas(int width, int height) {
        this.width = width;
        this.height = height;
        this.rgb = new int[width * height];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int get(int x, int y) {
        return rgb[y * width + x];
    }

    void set(int x, int y, int colour) {
        rgb[y * width + x] = colour & 0xffffff;
    }

    /** Share (0..1) of a pixel's samples inside {@code region} and outside {@code hole} (which may be null). */
    static double coverage(ShapeOutline region, ShapeOutline hole, int x, int y) {
        int inside = 0;
        for (int sy = 0; sy < SUPERSAMPLING; sy++) {
            double py = y + (sy + 0.5) / SUPERSAMPLING;
            for (int sx = 0; sx < SUPERSAMPLING; sx++) {
                double px = x + (sx + 0.5) / SUPERSAMPLING;
                if (region.contains(px, py) && (hole == null || !hole.contains(px, py))) inside++;
            }
        }
        return inside / (double) (SUPERSAMPLING * SUPERSAMPLING);
    }

    /** Paints {@code region} minus {@code hole} in {@code colour}, blending edge pixels by their coverage. */
    void paint(ShapeOutline region, ShapeOutline hole, int colour) {
        int x0 = Math.max(0, (int) Math.floor(region.minX()));
        int y0 = Math.max(0, (int) Math.floor(region.minY()));
        int x1 = Math.min(width - 1, (int) Math.ceil(region.maxX()));
        int y1 = Math.min(height - 1, (int) Math.ceil(region.maxY()));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double c = coverage(region, hole, x, y);
                if (c > 0) set(x, y, blend(get(x, y), colour, c));
            }
        }
    }

    static int blend(int under, int over, double alpha) {
        int r = mix((under >> 16) & 0xff, (over >> 16) & 0xff, alpha);
        int g = mix((under >> 8) & 0xff, (over >> 8) & 0xff, alpha);
        int b = mix(under & 0xff, over & 0xff, alpha);
        return (r << 16) | (g << 8) | b;
    }

    private static int mix(int a, int b, double alpha) {
        return (int) Math.round(a + (b - a) * alpha);
    }

    static int rgb(double r, double g, double b) {
        return (channel(r) << 16) | (channel(g) << 8) | channel(b);
    }

    static int channel(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** Mean colour of the pixels in a rectangle (clipped to the canvas), as {r, g, b}. */
    double[] meanColour(double minX, double minY, double maxX, double maxY) {
        int x0 = Math.max(0, (int) Math.floor(minX));
        int y0 = Math.max(0, (int) Math.floor(minY));
        int x1 = Math.min(width - 1, (int) Math.ceil(maxX) - 1);
        int y1 = Math.min(height - 1, (int) Math.ceil(maxY) - 1);
        double r = 0;
        double g = 0;
        double b = 0;
        int n = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int c = get(x, y);
                r += (c >> 16) & 0xff;
                g += (c >> 8) & 0xff;
                b += c & 0xff;
                n++;
            }
        }
        return n == 0 ? new double[] {0, 0, 0} : new double[] {r / n, g / n, b / n};
    }

    BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, width, height, rgb, 0, width);
        return img;
    }
}
