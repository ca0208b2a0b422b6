package io.boxwork.annotations.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NmsTest {

    @Test
    void greedyNmsKeepsTheHigherScoringOfTwoOverlappingBoxes() {
        float[] boxes = {0, 0, 10, 10, 1, 1, 11, 11};
        assertArrayEquals(new int[] {1}, Nms.nms(boxes, new float[] {0.3f, 0.8f}, 0.5));
    }

    @Test
    void suppressionNeedsAnIouStrictlyAboveTheThreshold() {
        // IoU of these two boxes is exactly 0.5.
        float[] boxes = {0, 0, 10, 10, 0, 0, 10, 5};
        float[] scores = {0.9f, 0.8f};
        assertArrayEquals(new int[] {0, 1}, Nms.nms(boxes, scores, 0.5));
        assertArrayEquals(new int[] {0}, Nms.nms(boxes, scores, 0.49));
    }

    @Test
    void aSuppressedBoxDoesNotSuppressOthers() {
        // A overlaps B, B overlaps C, A does not overlap C: greedy keeps A and C.
        float[] boxes = {0, 0, 10, 10, 4, 0, 14, 10, 8, 0, 18, 10};
        assertArrayEquals(new int[] {0, 2}, Nms.nms(boxes, new float[] {0.9f, 0.8f, 0.7f}, 0.3));
    }

    @Test
    void classWiseNmsNeverSuppressesAcrossClasses() {
        float[] boxes = {0, 0, 10, 10, 0, 0, 10, 10, 0, 0, 10, 10};
        float[] scores = {0.6f, 0.9f, 0.7f};
        int[] labels = {1, 2, 1};
        assertArrayEquals(new int[] {1, 2}, Nms.batchedNms(boxes, scores, labels, 0.5));
    }

    @Test
    void equalScoresAreRankedByInputOrder() {
        float[] boxes = {0, 0, 10, 10, 0, 0, 10, 10, 50, 50, 60, 60, 20, 20, 30, 30};
        float[] scores = {0.5f, 0.5f, 0.5f, 0.5f};
        assertArrayEquals(new int[] {0, 2, 3}, Nms.nms(boxes, scores, 0.5));
        assertArrayEquals(new int[] {0, 1, 2, 3}, Nms.batchedNms(boxes, scores, new int[] {3, 1, 3, 1}, 0.5));
    }

    @Test
    void thresholdDropsScoresNotAboveItAndTheResultIsCutToMaxDetectionsByScore() {
        float[] boxes = {0, 0, 10, 10, 20, 20, 30, 30, 40, 40, 50, 50, 60, 60, 70, 70};
        float[] scores = {0.2f, 0.9f, 0.3f, 0.6f};
        int[] labels = {0, 1, 2, 0};
        NmsCandidates candidates = NmsCandidates.of(boxes, scores, labels);
        NmsWorkspace ws = new NmsWorkspace();
        assertArrayEquals(new int[] {1, 3, 2}, ThresholdNms.apply(candidates, 0.2f, 0.5, 10, ws));
        assertArrayEquals(new int[] {1, 3}, ThresholdNms.apply(candidates, 0.2f, 0.5, 2, ws));
        assertArrayEquals(new int[] {}, ThresholdNms.apply(candidates, 0.95f, 0.5, 10, ws));
    }

    @Test
    void candidatesWhoseArraysDisagreeInLengthAreRefused() {
        assertThrows(BoxArrayException.class,
                () -> NmsCandidates.of(new float[8], new float[] {1f}, new int[] {0, 0}));
        assertThrows(BoxArrayException.class,
                () -> NmsCandidates.of(new float[4], new float[] {Float.NaN}, new int[] {0}));
    }
}
