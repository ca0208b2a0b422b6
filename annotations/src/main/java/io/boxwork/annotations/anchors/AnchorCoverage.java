package io.boxwork.annotations.anchors;

import java.util.List;

/**
 * Coverage of a set of labelled boxes by an anchor configuration. The 0.7 and 0.3 shares mirror the
 * RPN's foreground / background IoU thresholds: a box under 0.3 only gets an anchor through the
 * matcher's "best anchor for each box" rule.
 *
 * @param histogram counts of best IoU in ten bins [0, 0.1), [0.1, 0.2) ... [0.9, 1.0]
 * @param worst     the least covered boxes, worst first
 */
public record AnchorCoverage(int boxes, double shareAtLeast07, double shareAtLeast05, double shareAtLeast03,
                             double meanBestIou, int[] histogram, List<ClassCoverage> perClass,
                             List<BoxCoverage> worst) {
    public AnchorCoverage {
        histogram = histogram.clone();
        perClass = List.copyOf(perClass);
        worst = List.copyOf(worst);
    }

    /** A copy: the record's counts stay as computed. */
    @Override
    public int[] histogram() {
        return histogram.clone();
    }
}
