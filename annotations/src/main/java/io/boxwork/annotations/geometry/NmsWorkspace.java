package io.boxwork.annotations.geometry;

import java.util.Arrays;

/**
 * Scratch buffers for {@link ThresholdNms}, grown on demand and reused across calls so a slider
 * drag allocates nothing but its small result. One workspace per thread.
 *
 * <p>Besides the kept boxes of the current class (column-wise), it holds a bucket grid over them:
 * each cell lists the kept boxes touching it (a linked list in {@code entryNext} /
 * {@code entryKept}), so a candidate is compared only with kept boxes sharing one of its cells;
 * kept boxes spanning many cells go to the {@code wide} list, compared with every candidate.
 */
public final class NmsWorkspace {
    float[] keptX1 = new float[0];
    float[] keptY1 = new float[0];
    float[] keptX2 = new float[0];
    float[] keptY2 = new float[0];
    float[] keptArea = new float[0];
    long[] keptKeys = new long[0];
    int[] seen = new int[0];
    int stamp;
    int[] wide = new int[0];
    final int[] cellHead = new int[NmsCandidates.MAX_GRID_SIDE * NmsCandidates.MAX_GRID_SIDE];
    int[] entryNext = new int[0];
    int[] entryKept = new int[0];

    void ensureCapacity(int n) {
        if (keptX1.length < n) {
            keptX1 = new float[n];
            keptY1 = new float[n];
            keptX2 = new float[n];
            keptY2 = new float[n];
            keptArea = new float[n];
            keptKeys = new long[n];
            seen = new int[n];
            stamp = 0;
            wide = new int[n];
            entryNext = new int[n * ThresholdNms.MAX_CELLS_PER_BOX];
            entryKept = new int[n * ThresholdNms.MAX_CELLS_PER_BOX];
        }
    }

    /** A fresh mark for "already compared with this candidate"; marks of earlier candidates never collide. */
    int nextStamp() {
        if (stamp == Integer.MAX_VALUE) {
            Arrays.fill(seen, 0);
            stamp = 0;
        }
        return ++stamp;
    }
}
