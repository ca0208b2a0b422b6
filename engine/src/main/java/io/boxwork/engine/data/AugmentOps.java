package io.boxwork.engine.data;

import java.util.Arrays;

/** The pixel and box arithmetic behind {@link Augmentation}; each returns a new sample. */
final class AugmentOps {
    /** A box cut by the frame is kept only if this much of it stays in the picture. */
    static final double MIN_KEPT_SHARE = 0.3;
    static final float MIN_KEPT_SIDE = 2f;

    private AugmentOps() {
    }

    static DetectionSample flipHorizontal(DetectionSample s) {
        DecodedImage img = s.image();
        int w = img.width();
        float[] src = img.chw();
        float[] dst = new float[src.length];
        int rows = 3 * img.height();
        for (int r = 0; r < rows; r++) {
            int base = r * w;
            for (int x = 0; x < w; x++) dst[base + x] = src[base + w - 1 - x];
        }
        float[] boxes = s.boxes().clone();
        for (int i = 0; i < s.boxCount(); i++) {
            float x1 = boxes[4 * i];
            float x2 = boxes[4 * i + 2];
            boxes[4 * i] = w - x2;
            boxes[4 * i + 2] = w - x1;
        }
        return new DetectionSample(s.imagePath(), new DecodedImage(w, img.height(), dst), boxes, s.labels().clone());
    }

    /**
     * Zooms the content by {@code scale} on a canvas of the same size: above 1 a random window
     * of the enlarged picture is kept, below 1 the shrunken picture sits at a random place on a
     * field of the image's mean colour. {@code shiftX}, {@code shiftY} in [0, 1) pick the place.
     */
    static DetectionSample zoom(DetectionSample s, double scale, double shiftX, double shiftY) {
        DecodedImage img = s.image();
        int w = img.width();
        int h = img.height();
        double tx = shiftX * w * (1 - scale);
        double ty = shiftY * h * (1 - scale);
        float[] src = img.chw();
        float[] dst = new float[src.length];
        int plane = w * h;
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            for (int i = 0; i < plane; i++) sum += src[c * plane + i];
            float fill = (float) (sum / plane);
            for (int y = 0; y < h; y++) {
                // Pixel centres map back through the zoom: continuous coordinates, as the boxes use.
                double sy = (y + 0.5 - ty) / scale - 0.5;
                for (int x = 0; x < w; x++) {
                    double sx = (x + 0.5 - tx) / scale - 0.5;
                    dst[c * plane + y * w + x] = (sx < -0.5 || sy < -0.5 || sx > w - 0.5 || sy > h - 0.5)
                        ? fill : bilinear(src, c * plane, w, h, sx, sy);
                }
            }
        }
        float[] boxes = new float[s.boxes().length];
        long[] labels = new long[s.labels().length];
        int kept = 0;
        for (int i = 0; i < s.boxCount(); i++) {
            double x1 = s.boxes()[4 * i] * scale + tx;
            double y1 = s.boxes()[4 * i + 1] * scale + ty;
            double x2 = s.boxes()[4 * i + 2] * scale + tx;
            double y2 = s.boxes()[4 * i + 3] * scale + ty;
            double area = (x2 - x1) * (y2 - y1);
            float cx1 = (float) Math.max(0, x1);
            float cy1 = (float) Math.max(0, y1);
            float cx2 = (float) Math.min(w, x2);
            float cy2 = (float) Math.min(h, y2);
            if (cx2 - cx1 < MIN_KEPT_SIDE || cy2 - cy1 < MIN_KEPT_SIDE) continue;
            if ((double) (cx2 - cx1) * (cy2 - cy1) < MIN_KEPT_SHARE * area) continue;
            boxes[4 * kept] = cx1;
            boxes[4 * kept + 1] = cy1;
            boxes[4 * kept + 2] = cx2;
            boxes[4 * kept + 3] = cy2;
            labels[kept++] = s.labels()[i];
        }
        return new DetectionSample(s.imagePath(), new DecodedImage(w, h, dst), Arrays.copyOf(boxes, 4 * kept),
            Arrays.copyOf(labels, kept));
    }

    private static float bilinear(float[] src, int offset, int w, int h, double x, double y) {
        double cx = Math.max(0, Math.min(w - 1, x));
        double cy = Math.max(0, Math.min(h - 1, y));
        int x0 = (int) cx;
        int y0 = (int) cy;
        int x1 = Math.min(w - 1, x0 + 1);
        int y1 = Math.min(h - 1, y0 + 1);
        double fx = cx - x0;
        double fy = cy - y0;
        double top = src[offset + y0 * w + x0] * (1 - fx) + src[offset + y0 * w + x1] * fx;
        double bottom = src[offset + y1 * w + x0] * (1 - fx) + src[offset + y1 * w + x1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    /**
     * Brightness scales every value; contrast pulls values toward or away from the mean grey;
     * saturation toward or away from each pixel's own grey (torchvision's ColorJitter blends).
     */
    static DetectionSample photometric(DetectionSample s, double brightness, double contrast, double saturation) {
        DecodedImage img = s.image();
        int n = img.width() * img.height();
        float[] v = img.chw().clone();
        for (int i = 0; i < v.length; i++) v[i] = clamp(v[i] * brightness);
        if (contrast != 1) {
            double meanGrey = 0;
            for (int i = 0; i < n; i++) meanGrey += grey(v, n, i);
            meanGrey /= n;
            for (int i = 0; i < v.length; i++) v[i] = clamp(meanGrey + (v[i] - meanGrey) * contrast);
        }
        if (saturation != 1) {
            for (int i = 0; i < n; i++) {
                double g = grey(v, n, i);
                for (int c = 0; c < 3; c++) v[c * n + i] = clamp(g + (v[c * n + i] - g) * saturation);
            }
        }
        return new DetectionSample(s.imagePath(), new DecodedImage(img.width(), img.height(), v), s.boxes().clone(),
            s.labels().clone());
    }

    private static double grey(float[] v, int n, int i) {
        return 0.299 * v[i] + 0.587 * v[n + i] + 0.114 * v[2 * n + i];
    }

    private static float clamp(double x) {
        return (float) Math.max(0, Math.min(1, x));
    }
}
