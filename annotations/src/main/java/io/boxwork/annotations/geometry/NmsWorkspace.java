package io.boxwork.annotations.geometry;

import java.util.Arrays;

/**
 * Scratch buffers for {@link ThresholdNms}, grown on demand and reused across calls so a slider
 * drag allocates nothing but its small result. One workspace per calling thread (a large call
 * borrows the workspace's own partner for a helper thread).
 *
 * <p>Besides the kept boxes of the current class (column-wise), it holds a bucket grid over them:
 * each cell lists the kept boxes touching it (a linked list through {@code entryNext}, each entry
 * carrying a copy of its box so the scan reads one place), so a candidate is compared only with kept
 * boxes sharing one of its cells; kept boxes spanning many cells go to the {@code wide} list,
 * compared with every candidate.
 */
public final class NmsWorkspace {
    float[] keptX1 = new float[0];
    float[] keptY1 = new float[0];
    float[] keptX2 = new float[0];
    float[] keptY2 = new float[0];
    float[] keptArea = new float[0];
    long[] keptKeys = new long[0];
    int[] wide = new int[0];
    final int[] cellHead = new int[NmsCandidates.MAX_GRID_SIDE * NmsCandidates.MAX_GRID_SIDE];
    int[] entryNext = new int[0];
    int[] entryCorner = new int[0];
    float[] entryX1 = new float[0];
    float[] entryY1 = new float[0];
    float[] entryX2 = new float[0];
    float[] entryY2 = new float[0];
    float[] entryArea = new float[0];
    private NmsWorkspace partner;

    /** A second workspace for the half of the classes another thread suppresses in the same call. */
    NmsWorkspace partner() {
        if (partner == null) partner = new NmsWorkspace();
        return partner;
    }

    void ensureCapacity(int n) {
        if (keptX1.length < n) {
            keptX1 = new float[n];
            keptY1 = new float[n];
            keptX2 = new float[n];
            keptY2 = new float[n];
            keptArea = new float[n];
            keptKeys = new long[n];
            wide = new int[n];
        }
    }

    /** Grid entries grow with use: a kept box adds one per cell it touches. */
    void ensureEntries(int n) {
        if (entryNext.length < n) {
            int size = Math.max(n, 2 * entryNext.length);
            entryNext = Arrays.copyOf(entryNext, size);
            entryCorner = Arrays.copyOf(entryCorner, size);
            entryX1 = Arrays.copyOf(entryX1, size);
            entryY1 = Arrays.copyOf(entryY1, size);
            entryX2 = Arrays.copyOf(entryX2, size);
            entryY2 = Arrays.copyOf(entryY2, size);
            entryArea = Arrays.copyOf(entryArea, size);
        }
    }
}
