package io.boxwork.app.review;

/**
 * Where the review sliders stand.
 *
 * @param scoreThreshold candidates scoring above this survive (torchvision's box_score_thresh)
 * @param nmsIou         a candidate overlapping a better one of its class by more than this is dropped
 * @param matchIou       a prediction counts as finding a label of its class at IoU at least this
 * @param maxDetections  per image after NMS (torchvision's box_detections_per_img)
 */
public record SliderSettings(float scoreThreshold, double nmsIou, double matchIou, int maxDetections) {
    public static final int TORCHVISION_MAX_DETECTIONS = 100;

    public SliderSettings {
        if (!(scoreThreshold >= 0 && scoreThreshold <= 1)) throw new IllegalArgumentException("score threshold must be in [0, 1], was " + scoreThreshold);
        if (!(nmsIou >= 0 && nmsIou <= 1)) throw new IllegalArgumentException("NMS IoU must be in [0, 1], was " + nmsIou);
        if (!(matchIou > 0 && matchIou <= 1)) throw new IllegalArgumentException("match IoU must be in (0, 1], was " + matchIou);
        if (maxDetections < 0) throw new IllegalArgumentException("max detections must be >= 0, was " + maxDetections);
    }

    public static SliderSettings defaults() {
        return new SliderSettings(0.5f, 0.5, 0.5, TORCHVISION_MAX_DETECTIONS);
    }
}
