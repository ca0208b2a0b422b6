package io.boxwork.annotations.geometry;

/**
 * Overlap measures on boxes stored as {@code x1, y1, x2, y2} quadruples in a flat array.
 *
 * <p>Arithmetic is float and follows torchvision's {@code box_iou} / {@code generalized_box_iou}
 * operation by operation (no +1 on widths), so thresholds compared against these values decide
 * exactly as the Python model does.
 */
public final class Iou {
    private Iou() {
    }

    public static float area(float[] boxes, int i) {
        int o = 4 * i;
        return (boxes[o + 2] - boxes[o]) * (boxes[o + 3] - boxes[o + 1]);
    }

    public static float intersection(float[] a, int i, float[] b, int j) {
        int p = 4 * i;
        int q = 4 * j;
        float w = Math.max(Math.min(a[p + 2], b[q + 2]) - Math.max(a[p], b[q]), 0f);
        float h = Math.max(Math.min(a[p + 3], b[q + 3]) - Math.max(a[p + 1], b[q + 1]), 0f);
        return w * h;
    }

    /** IoU of box {@code i} of {@code a} and box {@code j} of {@code b}; NaN when both are empty, as in torchvision. */
    public static float iou(float[] a, int i, float[] b, int j) {
        float inter = intersection(a, i, b, j);
        float union = area(a, i) + area(b, j) - inter;
        return inter / union;
    }

    /** Generalized IoU (Rezatofighi et al.), in [-1, 1]. */
    public static float giou(float[] a, int i, float[] b, int j) {
        float inter = intersection(a, i, b, j);
        float union = area(a, i) + area(b, j) - inter;
        float iou = inter / union;
        int p = 4 * i;
        int q = 4 * j;
        float w = Math.max(Math.max(a[p + 2], b[q + 2]) - Math.min(a[p], b[q]), 0f);
        float h = Math.max(Math.max(a[p + 3], b[q + 3]) - Math.min(a[p + 1], b[q + 1]), 0f);
        float hull = w * h;
        return iou - (hull - union) / hull;
    }

    /** Row-major {@code n x m} matrix of IoUs between every box of {@code a} and every box of {@code b}. */
    public static float[] iouMatrix(float[] a, float[] b) {
        int n = BoxArrayException.boxCount("first boxes", a);
        int m = BoxArrayException.boxCount("second boxes", b);
        float[] out = new float[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                out[i * m + j] = iou(a, i, b, j);
            }
        }
        return out;
    }

    /** Row-major {@code n x m} matrix of generalized IoUs. */
    public static float[] giouMatrix(float[] a, float[] b) {
        int n = BoxArrayException.boxCount("first boxes", a);
        int m = BoxArrayException.boxCount("second boxes", b);
        float[] out = new float[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                out[i * m + j] = giou(a, i, b, j);
            }
        }
        return out;
    }
}
