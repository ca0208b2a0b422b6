package io.boxwork.annotations.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class BoxFiltersTest {

    @Test
    void clippingClampsXToWidthAndYToHeight() {
        float[] boxes = {-5, -1, 50, 70, 10, 10, 20, 20};
        assertArrayEquals(new float[] {0, 0, 40, 30, 10, 10, 20, 20}, BoxFilters.clipToImage(boxes, 30, 40));
        assertArrayEquals(new float[] {-5, -1, 50, 70, 10, 10, 20, 20}, boxes, "the input is left untouched");
    }

    @Test
    void smallBoxRemovalKeepsBoxesWhoseSidesReachTheMinimum() {
        float[] boxes = {0, 0, 1, 1, 0, 0, 0.5f, 3, 0, 0, 3, 0.99f, 2, 2, 5, 5};
        assertArrayEquals(new int[] {0, 3}, BoxFilters.keepAtLeast(boxes, 1f));
    }

    @Test
    void scoreThresholdIsStrictLikeTorchvisionPostprocess() {
        assertArrayEquals(new int[] {1, 3}, BoxFilters.scoreAbove(new float[] {0.5f, 0.51f, 0.2f, 0.9f}, 0.5f));
    }
}
