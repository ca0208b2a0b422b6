package io.boxwork.annotations.geometry;

import java.util.Arrays;

/**
 * Detection candidates grouped by class and sorted once by descending score (stable on the input
 * index), laid out column-wise so threshold and NMS passes scan contiguous floats.
 *
 * <p>Built once per image of raw candidates; every slider move then reuses it, so the sort is not
 * repeated. Immutable after construction, hence safe to share with a background thread.
 */
public final class NmsCandidates {
    final int size;
    final int[] groupStart;
    final int[] groupLabel;
    final float[] x1;
    final float[] y1;
    final float[] x2;
    final float[] y2;
    final float[] area;
    final float[] score;
    final int[] original;

    private NmsCandidates(int size, int groups) {
        this.size = size;
        this.groupStart = new int[groups + 1];
        this.groupLabel = new int[groups];
        this.x1 = new float[size];
        this.y1 = new float[size];
        this.x2 = new float[size];
        this.y2 = new float[size];
        this.area = new float[size];
        this.score = new float[size];
        this.original = new int[size];
    }

    /**
     * @param boxes  n*4 values x1, y1, x2, y2
     * @param scores n scores; NaN is refused because it has no place in a descending order
     * @param labels n class ids; NMS never compares boxes of different ids
     */
    public static NmsCandidates of(float[] boxes, float[] scores, int[] labels) {
        int n = BoxArrayException.boxCount("boxes", boxes);
        BoxArrayException.sameLength("scores", scores.length, n);
        BoxArrayException.sameLength("labels", labels.length, n);
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            if (Float.isNaN(scores[i])) {
                throw new BoxArrayException("score of candidate " + i + " is NaN");
            }
            order[i] = ScoreOrder.key(scores[i], i);
        }
        Arrays.sort(order);
        int[] distinct = Arrays.stream(labels).distinct().sorted().toArray();
        NmsCandidates c = new NmsCandidates(n, distinct.length);
        int[] groupOfCandidate = new int[n];
        int[] counts = new int[distinct.length];
        for (int i = 0; i < n; i++) {
            int g = Arrays.binarySearch(distinct, labels[i]);
            groupOfCandidate[i] = g;
            counts[g]++;
        }
        for (int g = 0; g < distinct.length; g++) {
            c.groupLabel[g] = distinct[g];
            c.groupStart[g + 1] = c.groupStart[g] + counts[g];
        }
        int[] next = Arrays.copyOf(c.groupStart, distinct.length);
        for (long key : order) {
            int i = ScoreOrder.index(key);
            int p = next[groupOfCandidate[i]]++;
            int o = 4 * i;
            c.x1[p] = boxes[o];
            c.y1[p] = boxes[o + 1];
            c.x2[p] = boxes[o + 2];
            c.y2[p] = boxes[o + 3];
            c.area[p] = (boxes[o + 2] - boxes[o]) * (boxes[o + 3] - boxes[o + 1]);
            c.score[p] = scores[i];
            c.original[p] = i;
        }
        return c;
    }

    public int size() {
        return size;
    }

    public int classCount() {
        return groupLabel.length;
    }
}
