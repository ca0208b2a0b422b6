package io.boxwork.annotations.geometry;

/**
 * Packs (score, index) into a long whose ascending order is score descending, then index ascending:
 * the stable descending sort torchvision's NMS uses, done with {@code Arrays.sort(long[])} and no boxing.
 */
final class ScoreOrder {
    private ScoreOrder() {
    }

    static long key(float score, int index) {
        int bits = Float.floatToIntBits(score);
        // Flip the magnitude bits of negatives so signed int order equals float order.
        int ascending = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) ~ascending << 32) | (index & 0xffffffffL);
    }

    static int index(long key) {
        return (int) key;
    }
}
