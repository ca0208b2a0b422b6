package io.boxwork.app.anchors;

import io.boxwork.annotations.anchors.AnchorCoverage;
import io.boxwork.annotations.model.AnchorSettings;

/**
 * Anchors proposed from the labels, as settings the person can take, with the coverage they would
 * give on the same boxes as the current figures.
 *
 * @param meanIouToCentroid how well the chosen shapes fit the boxes, centres aligned
 */
public record SuggestedAnchors(AnchorSettings settings, AnchorCoverage coverage, double meanIouToCentroid) {
}
