package io.boxwork.annotations.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocEvaluatorTest {
    private static final double TOL = 1e-12;

    private static Detection dt(int image, double x1, double y1, double x2, double y2, double score) {
        return new Detection(image, 1, x1, y1, x2, y2, score);
    }

    @Test
    void perfectPredictionsGiveApOne() {
        List<GroundTruth> gts = List.of(GroundTruth.of(1, 1, 0, 0, 10, 10), GroundTruth.of(2, 1, 5, 5, 50, 60));
        List<Detection> dts = List.of(dt(1, 0, 0, 10, 10, 0.7), dt(2, 5, 5, 50, 60, 0.8));
        assertEquals(1.0, new VocEvaluator().evaluate(gts, dts).map(), TOL);
    }

    @Test
    void aFalsePositiveRankedFirstHalvesTheAp() {
        List<GroundTruth> gts = List.of(GroundTruth.of(1, 1, 0, 0, 50, 50));
        List<Detection> dts = List.of(dt(1, 100, 100, 150, 150, 0.9), dt(1, 0, 0, 50, 50, 0.8));
        assertEquals(0.5, new VocEvaluator().evaluate(gts, dts).map(), TOL);
    }

    @Test
    void allPointInterpolationTakesThePrecisionEnvelopeAtEachRecallStep() {
        List<GroundTruth> gts = List.of(GroundTruth.of(1, 1, 0, 0, 50, 50), GroundTruth.of(1, 1, 100, 100, 150, 150));
        // TP, duplicate FP, TP: 0.5 * 1 + 0.5 * 2/3.
        List<Detection> dts = List.of(dt(1, 0, 0, 50, 50, 0.9), dt(1, 0, 0, 50, 50, 0.8),
                dt(1, 100, 100, 150, 150, 0.7));
        assertEquals(0.5 + 0.5 * 2.0 / 3, new VocEvaluator().evaluate(gts, dts).map(), TOL);
    }

    @Test
    void difficultObjectsNeitherCountAsMissesNorTurnTheirDetectionsIntoFalsePositives() {
        List<GroundTruth> gts = List.of(GroundTruth.of(1, 1, 0, 0, 50, 50),
                GroundTruth.of(1, 1, 100, 100, 150, 150).asDifficult());
        List<Detection> dts = List.of(dt(1, 100, 100, 150, 150, 0.95), dt(1, 0, 0, 50, 50, 0.9));
        VocEvaluation e = new VocEvaluator().evaluate(gts, dts);
        assertEquals(1.0, e.map(), TOL);
        assertEquals(1, e.perClass().get(0).positives());
    }

    @Test
    void matchingNeedsHalfOverlapAndClassesWithoutGroundTruthStayOutOfTheMean() {
        List<GroundTruth> gts = List.of(GroundTruth.of(1, 1, 0, 0, 10, 10));
        // IoU exactly 0.5 counts (>=), a detection of class 2 has nothing to match.
        List<Detection> dts = List.of(dt(1, 0, 0, 10, 5, 0.9), new Detection(1, 2, 0, 0, 10, 10, 0.99));
        VocEvaluation e = new VocEvaluator().evaluate(gts, dts);
        assertEquals(1.0, e.map(), TOL);
        assertTrue(Double.isNaN(e.perClass().get(1).ap()));
    }

    @Test
    void inclusivePixelsAddOneToEverySideLikeTheDevkit() {
        List<GroundTruth> gts = List.of(GroundTruth.of(1, 1, 0, 0, 9, 9));
        // Continuous: IoU 45/81 = 0.556; devkit +1: 60/100 = 0.6.
        List<Detection> dts = List.of(dt(1, 0, 0, 9, 5, 0.9));
        assertEquals(1.0, new VocEvaluator(0.58, true).evaluate(gts, dts).map(), TOL);
        assertEquals(0.0, new VocEvaluator(0.58, false).evaluate(gts, dts).map(), TOL);
    }
}
