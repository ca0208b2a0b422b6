package io.boxwork.engine.inference;

import io.boxwork.engine.detection.RawCandidates;

import java.util.List;

/**
 * What the detector found in one image, in its pixels.
 *
 * @param image      the file or project image path it was run on
 * @param detections final boxes after the score threshold and NMS, best first
 * @param candidates per-class boxes and scores before them, for the review sliders
 */
public record ImagePrediction(String image, int width, int height, List<Detected> detections, RawCandidates candidates) {

    public ImagePrediction {
        detections = List.copyOf(detections);
    }

    /** @param label detector label 1..K; {@code className} its name */
    public record Detected(float x1, float y1, float x2, float y2, float score, int label, String className) {
    }
}
