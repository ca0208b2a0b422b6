package io.boxwork.annotations.geometry;

/**
 * Scratch buffers for {@link ThresholdNms}, grown on demand and reused across calls so a slider
 * drag allocates nothing but its small result. One workspace per thread.
 */
public final class NmsWorkspace {
    float[] keptX1 = new float[0];
    float[] keptY1 = new float[0];
    float[] keptX2 = new float[0];
    float[] keptY2 = new float[0];
    float[] keptArea = new float[0];
    long[] keptKeys = new long[0];

    void ensureCapacity(int n) {
        if (keptX1.length < n) {
            keptX1 = new float[n];
            keptY1 = new float[n];
            keptX2 = new float[n];
            keptY2 = new float[n];
            keptArea = new float[n];
            keptKeys = new long[n];
        }
    }
}
