package io.boxwork.engine.detection;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MatcherTest {

    // Two ground-truth boxes (rows) against four predictions (columns).
    private static final float[] IOU = {
            0.9f, 0.5f, 0.1f, 0.2f,
            0.1f, 0.6f, 0.25f, 0.1f};

    @Test
    void predictionsAreMatchedIgnoredOrBackgroundByTheTwoThresholds() {
        try (PointerScope ignored = new PointerScope()) {
            Tensor m = new Matcher(0.7, 0.3, false).match(Tensor.create(IOU, 2, 4));
            assertArrayEquals(new long[]{0, Matcher.BETWEEN_THRESHOLDS, Matcher.BELOW_LOW_THRESHOLD,
                    Matcher.BELOW_LOW_THRESHOLD}, Tensors.longArray(m));
        }
    }

    @Test
    void lowQualityMatchesGiveEachGroundTruthItsBestPrediction() {
        try (PointerScope ignored = new PointerScope()) {
            Tensor m = new Matcher(0.7, 0.3, true).match(Tensor.create(IOU, 2, 4));
            assertArrayEquals(new long[]{0, 1, Matcher.BELOW_LOW_THRESHOLD, Matcher.BELOW_LOW_THRESHOLD},
                    Tensors.longArray(m));
        }
    }

    @Test
    void matchingWithoutGroundTruthIsAnError() {
        try (PointerScope ignored = new PointerScope()) {
            Tensor empty = Tensor.create(new float[0], 0, 4);
            assertThrows(IllegalArgumentException.class, () -> new Matcher(0.5, 0.5, false).match(empty));
        }
    }
}
