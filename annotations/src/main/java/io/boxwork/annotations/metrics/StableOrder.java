package io.boxwork.annotations.metrics;

/** Stable descending argsort of doubles: numpy's {@code argsort(-x, kind='mergesort')}, without boxing. */
final class StableOrder {
    private StableOrder() {
    }

    static int[] descending(double[] values, int length) {
        int[] order = new int[length];
        for (int i = 0; i < length; i++) {
            order[i] = i;
        }
        int[] buffer = new int[length];
        for (int width = 1; width < length; width *= 2) {
            for (int lo = 0; lo < length - width; lo += 2 * width) {
                merge(values, order, buffer, lo, lo + width, Math.min(lo + 2 * width, length));
            }
        }
        return order;
    }

    private static void merge(double[] values, int[] order, int[] buffer, int lo, int mid, int hi) {
        System.arraycopy(order, lo, buffer, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            // Take from the right run only when strictly greater, so equal values keep their order.
            if (i < mid && (j >= hi || !(values[buffer[j]] > values[buffer[i]]))) {
                order[k] = buffer[i++];
            } else {
                order[k] = buffer[j++];
            }
        }
    }
}
