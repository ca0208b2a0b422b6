package io.boxwork.annotations.anchors;

/** Coverage figures of the boxes of one class; shares are fractions in [0, 1]. */
public record ClassCoverage(int classId, int boxes, double shareAtLeast07, double shareAtLeast05,
                            double shareAtLeast03, double meanBestIou) {
}
