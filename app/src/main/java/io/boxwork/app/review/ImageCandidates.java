package io.boxwork.app.review;

import io.boxwork.annotations.geometry.NmsCandidates;

/**
 * One image's raw candidates in project class ids, with the score-sorted layout that every slider
 * move reuses (sorting once per image, not once per move, is what keeps a drag under a frame).
 *
 * @param boxes    {@code n * 4} floats x1, y1, x2, y2 in image pixels
 * @param scores   {@code n} scores
 * @param classIds {@code n} project class ids
 */
public record ImageCandidates(String imagePath, float[] boxes, float[] scores, int[] classIds, NmsCandidates sorted) {

    public static ImageCandidates of(String imagePath, float[] boxes, float[] scores, int[] classIds) {
        return new ImageCandidates(imagePath, boxes, scores, classIds, NmsCandidates.of(boxes, scores, classIds));
    }

    public int size() {
        return scores.length;
    }
}
