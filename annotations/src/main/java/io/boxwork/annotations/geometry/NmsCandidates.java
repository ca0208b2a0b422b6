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
    /** Per class: the bucket grid NMS uses to find overlapping kept boxes (see {@link NmsWorkspace}). */
    final float[] gridX0;
    final float[] gridY0;
    final float[] gridInvW;
    final float[] gridInvH;
    final int[] gridCols;
    final int[] gridRows;

    /** Upper bound on cells per class grid: clearing it must stay cheap next to the NMS itself. */
    static final int MAX_GRID_SIDE = 64;

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
        this.gridX0 = new float[groups];
        this.gridY0 = new float[groups];
        this.gridInvW = new float[groups];
        this.gridInvH = new float[groups];
        this.gridCols = new int[groups];
        this.gridRows = new int[groups];
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
        for (int g = 0; g < distinct.length; g++) {
            c.planGrid(g);
        }
        return c;
    }

    /**
     * Cells about the size of the class's mean box side, so a typical box touches a few cells and a
     * cell holds few kept boxes. Non-finite coordinates are left out of the extent; the cell lookup
     * clamps them to the border cells, which keeps it monotonic and so still exact.
     */
    private void planGrid(int g) {
        float minX = Float.POSITIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;
        double sideSum = 0;
        int sides = 0;
        for (int p = groupStart[g]; p < groupStart[g + 1]; p++) {
            if (Float.isFinite(x1[p]) && Float.isFinite(y1[p]) && Float.isFinite(x2[p]) && Float.isFinite(y2[p])) {
                minX = Math.min(minX, x1[p]);
                minY = Math.min(minY, y1[p]);
                maxX = Math.max(maxX, x2[p]);
                maxY = Math.max(maxY, y2[p]);
                float side = Math.max(x2[p] - x1[p], y2[p] - y1[p]);
                if (side > 0) {
                    sideSum += side;
                    sides++;
                }
            }
        }
        float extentW = maxX - minX;
        float extentH = maxY - minY;
        if (sides == 0 || !(extentW > 0) || !(extentH > 0)) {
            gridCols[g] = 1;
            gridRows[g] = 1;
            return;
        }
        double cell = sideSum / sides;
        gridCols[g] = (int) Math.max(1, Math.min(MAX_GRID_SIDE, Math.ceil(extentW / cell)));
        gridRows[g] = (int) Math.max(1, Math.min(MAX_GRID_SIDE, Math.ceil(extentH / cell)));
        gridX0[g] = minX;
        gridY0[g] = minY;
        gridInvW[g] = gridCols[g] / extentW;
        gridInvH[g] = gridRows[g] / extentH;
    }

    public int size() {
        return size;
    }

    public int classCount() {
        return groupLabel.length;
    }
}
