package io.boxwork.engine.detection;

/**
 * Per-class boxes and scores of one image before the detection score threshold and NMS, so that a
 * reviewer can re-run those two steps at any setting without the network. Held as plain arrays:
 * they cross into the UI and the pure-Java annotations module.
 *
 * @param boxes  {@code n * 4} floats, {@code x1, y1, x2, y2} per candidate
 * @param scores {@code n} softmax scores
 * @param labels {@code n} class ids (never 0, the background)
 */
public record RawCandidates(float[] boxes, float[] scores, int[] labels) {

    public RawCandidates {
        if (boxes.length != scores.length * 4 || labels.length != scores.length) {
            throw new IllegalArgumentException("Raw candidates need 4 box values and 1 label per score, got "
                    + boxes.length + " box values, " + scores.length + " scores and " + labels.length + " labels");
        }
    }

    public int size() {
        return scores.length;
    }
}
