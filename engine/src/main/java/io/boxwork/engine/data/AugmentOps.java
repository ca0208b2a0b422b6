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
        // Pixel centres map back through the zoom (continuous coordinates, as the boxes use);
        // the source columns and rows are the same for every row and channel, so find them once.
        Taps cols = Taps.of(w, scale, tx);
        Taps rows = Taps.of(h, scale, ty);
        for (int c = 0; c < 3; c++) {
            int off = c * plane;
            double sum = 0;
            for (int i = 0; i < plane; i++) sum += src[off + i];
            float fill = (float) (sum / plane);
            for (int y = 0; y < h; y++) {
                int o = off + y * w;
                if (!rows.inside[y]) {
                    Arrays.fill(dst, o, o + w, fill);
                    continue;
                }
                int r0 = off + rows.lo[y] * w;
                int r1 = off + rows.hi[y] * w;
                float fy = rows.frac[y];
                for (int x = 0; x < w; x++) {
                    if (!cols.inside[x]) {
                        dst[o + x] = fill;
                        continue;
                    }
                    int x0 = cols.lo[x];
                    int x1 = cols.hi[x];
                    float fx = cols.frac[x];
                    float top = src[r0 + x0] + (src[r0 + x1] - src[r0 + x0]) * fx;
                    float bottom = src[r1 + x0] + (src[r1 + x1] - src[r1 + x0]) * fx;
                    dst[o + x] = top + (bottom - top) * fy;
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

    /** For each output column (or row): the two source neighbours and the weight of the second. */
    private record Taps(int[] lo, int[] hi, float[] frac, boolean[] inside) {
        static Taps of(int n, double scale, double shift) {
            int[] lo = new int[n];
            int[] hi = new int[n];
            float[] frac = new float[n];
            boolean[] inside = new boolean[n];
            for (int i = 0; i < n; i++) {
                double p = (i + 0.5 - shift) / scale - 0.5;
                inside[i] = p >= -0.5 && p <= n - 0.5;
                double clamped = Math.max(0, Math.min(n - 1, p));
                lo[i] = (int) clamped;
                hi[i] = Math.min(n - 1, lo[i] + 1);
                frac[i] = (float) (clamped - lo[i]);
            }
            return new Taps(lo, hi, frac, inside);
        }
    }

    /**
     * Brightness scales every value; contrast pulls values toward or away from the mean grey;
     * saturation toward or away from each pixel's own grey (torchvision's ColorJitter blends).
     */
    static DetectionSample photometric(DetectionSample s, double brightness, double contrast, double saturation) {
        DecodedImage img = s.image();
        int n = img.width() * img.height();
        float[] src = img.chw();
        float[] v = new float[src.length];
        float b = (float) brightness;
        double greySum = 0;
        for (int i = 0; i < n; i++) {
            float r = clamp(src[i] * b);
            float g = clamp(src[n + i] * b);
            float bl = clamp(src[2 * n + i] * b);
            v[i] = r;
            v[n + i] = g;
            v[2 * n + i] = bl;
            greySum += 0.299f * r + 0.587f * g + 0.114f * bl;
        }
        float mean = (float) (greySum / n);
        float c = (float) contrast;
        float sat = (float) saturation;
        for (int i = 0; i < n; i++) {
            float r = clamp(mean + (v[i] - mean) * c);
            float g = clamp(mean + (v[n + i] - mean) * c);
            float bl = clamp(mean + (v[2 * n + i] - mean) * c);
            float grey = 0.299f * r + 0.587f * g + 0.114f * bl;
            v[i] = clamp(grey + (r - grey) * sat);
            v[n + i] = clamp(grey + (g - grey) * sat);
            v[2 * n + i] = clamp(grey + (bl - grey) * sat);
        }
        return new DetectionSample(s.imagePath(), new DecodedImage(img.width(), img.height(), v), s.boxes().clone(),
            s.labels().clone());
    }

    private static float clamp(float x) {
        return x < 0 ? 0 : x > 1 ? 1 : x;
    }
}
