package io.boxwork.annotations.anchors;

/**
 * Proposed anchors and what they would give.
 *
 * @param meanIouToCentroid mean IoU of each box (shape only, centres aligned) with its nearest
 *                          size cluster: how well the chosen shapes fit the boxes
 */
public record AnchorSuggestion(AnchorSpec spec, AnchorCoverage coverage, double meanIouToCentroid) {
}
