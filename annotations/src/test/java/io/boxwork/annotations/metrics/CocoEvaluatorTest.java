package io.boxwork.annotations.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CocoEvaluatorTest {
    private static final double TOL = 1e-9;

    private static GroundTruth gt(int image, int cls, double x1, double y1, double x2, double y2) {
        return GroundTruth.of(image, cls, x1, y1, x2, y2);
    }

    private static Detection dt(int image, int cls, double x1, double y1, double x2, double y2, double score) {
        return new Detection(image, cls, x1, y1, x2, y2, score);
    }

    private static CocoSummary summary(List<GroundTruth> gts, List<Detection> dts) {
        return new CocoEvaluator().evaluate(gts, dts).summary();
    }

    @Test
    void thresholdsAreBuiltLikeNumpyLinspace() {
        CocoParams p = CocoParams.defaults();
        assertArrayEquals(new double[] {0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.8999999999999999, 0.95},
                p.iouThresholds());
        assertEquals(101, p.recallThresholds().length);
        assertEquals(0.5, p.recallThresholds()[50]);
        assertEquals(0.66, p.recallThresholds()[66]);
        assertEquals(1.0, p.recallThresholds()[100]);
    }

    @Test
    void perfectPredictionsScoreOneInEverySizeThatHasGroundTruth() {
        List<GroundTruth> gts = List.of(gt(1, 1, 0, 0, 10, 10), gt(1, 2, 100, 100, 150, 150),
                gt(2, 1, 50, 50, 250, 250), gt(2, 2, 0, 0, 20, 15));
        List<Detection> dts = gts.stream()
                .map(g -> dt(g.imageId(), g.classId(), g.x1(), g.y1(), g.x2(), g.y2(), 0.9)).toList();
        CocoSummary s = summary(gts, dts);
        for (double v : s.asMap().values()) {
            assertEquals(1.0, v, TOL);
        }
    }

    @Test
    void aFalsePositiveRankedAboveTheTruePositiveHalvesPrecisionAndMaxDetsOneMissesIt() {
        List<GroundTruth> gts = List.of(gt(1, 1, 0, 0, 50, 50));
        List<Detection> dts = List.of(dt(1, 1, 0, 0, 50, 50, 0.8), dt(1, 1, 200, 200, 250, 250, 0.9));
        CocoSummary s = summary(gts, dts);
        // Ranks: FP then TP, so precision 1/2 at recall 1 and the envelope carries it to recall 0.
        assertEquals(0.5, s.ap(), TOL);
        assertEquals(0.5, s.ap50(), TOL);
        assertEquals(1.0, s.ar100(), TOL);
        assertEquals(0.0, s.ar1(), TOL);
    }

    @Test
    void aDuplicateBetweenTwoTruePositivesCostsPrecisionOnlyAboveHalfRecall() {
        List<GroundTruth> gts = List.of(gt(1, 1, 0, 0, 50, 50), gt(1, 1, 100, 100, 150, 150));
        List<Detection> dts = List.of(dt(1, 1, 0, 0, 50, 50, 0.9), dt(1, 1, 0, 0, 50, 50, 0.8),
                dt(1, 1, 100, 100, 150, 150, 0.7));
        // TP, FP, TP: recall 0..0.50 (51 points) at precision 1, 0.51..1 (50 points) at 2/3.
        assertEquals((51 + 50 * 2.0 / 3) / 101, summary(gts, dts).ap(), TOL);
    }

    @Test
    void aMissedObjectCapsRecallAndZeroesPrecisionBeyondIt() {
        List<GroundTruth> gts = List.of(gt(1, 1, 0, 0, 50, 50), gt(1, 1, 100, 100, 150, 150));
        List<Detection> dts = List.of(dt(1, 1, 0, 0, 50, 50, 0.9));
        CocoSummary s = summary(gts, dts);
        assertEquals(51.0 / 101, s.ap(), TOL);
        assertEquals(0.5, s.ar100(), TOL);
    }

    @Test
    void imagesWithoutGroundTruthContributeFalsePositivesAndClassesWithoutGroundTruthAreLeftOut() {
        List<GroundTruth> gts = List.of(gt(1, 1, 0, 0, 50, 50), gt(3, 1, 0, 0, 50, 50));
        List<Detection> dts = List.of(dt(1, 1, 0, 0, 50, 50, 0.9), dt(2, 1, 0, 0, 50, 50, 0.95),
                dt(2, 7, 0, 0, 50, 50, 0.99));
        CocoEvaluation e = new CocoEvaluator().evaluate(gts, dts);
        // Class 1: FP (image 2), TP (image 1), image 3 missed: precision 1/2 up to recall 1/2.
        assertEquals(51 * 0.5 / 101, e.summary().ap(), TOL);
        assertEquals(0.5, e.summary().ar100(), TOL);
        assertTrue(e.classAp(7).isEmpty(), "class 7 has no ground truth");
        assertTrue(Double.isNaN(e.perClass().get(1).ap()));
        assertEquals(-1.0, e.precision(0, 0, 1, 0, 2));
        assertEquals(2, e.perClass().get(0).groundTruthCount());
    }

    @Test
    void detectionsInsideACrowdRegionAreIgnoredAndTheCrowdIsNeverAMiss() {
        GroundTruth person = gt(1, 1, 0, 0, 100, 100);
        GroundTruth crowd = gt(1, 1, 200, 0, 400, 200).asCrowd();
        List<Detection> dts = List.of(dt(1, 1, 210, 10, 260, 60, 0.95), dt(1, 1, 300, 100, 350, 150, 0.94),
                dt(1, 1, 0, 0, 100, 100, 0.9));
        CocoSummary withCrowd = summary(List.of(person, crowd), dts);
        assertEquals(1.0, withCrowd.ap(), TOL);
        assertEquals(1.0, withCrowd.ar100(), TOL);
        // Without the crowd flag the two detections are false positives (IoU 1/16) ranked above the TP.
        CocoSummary plain = summary(List.of(person, gt(1, 1, 200, 0, 400, 200)), dts);
        assertEquals(51 * (1.0 / 3) / 101, plain.ap(), TOL);
    }

    @Test
    void areaRangesIgnoreObjectsOfOtherSizesAndUnmatchedDetectionsOfOtherSizes() {
        List<GroundTruth> gts = List.of(gt(1, 1, 0, 0, 20, 20), gt(1, 1, 100, 100, 150, 150),
                gt(1, 1, 300, 300, 420, 420));
        List<Detection> dts = List.of(dt(1, 1, 500, 0, 520, 20, 0.99), dt(1, 1, 0, 0, 20, 20, 0.9),
                dt(1, 1, 300, 300, 420, 420, 0.8));
        CocoSummary s = summary(gts, dts);
        // All sizes: FP, TP, TP with 3 objects: precision 2/3 up to recall 2/3 (67 points).
        assertEquals(67 * (2.0 / 3) / 101, s.ap(), TOL);
        assertEquals(0.5, s.apSmall(), TOL, "small: the FP is small, the large match is ignored");
        assertEquals(0.0, s.apMedium(), TOL, "medium: every detection is ignored, the object is missed");
        assertEquals(1.0, s.apLarge(), TOL, "large: the small FP is outside the range and ignored");
        assertEquals(2.0 / 3, s.ar100(), TOL);
        assertEquals(1.0, s.arSmall(), TOL);
        assertEquals(0.0, s.arMedium(), TOL);
        assertEquals(1.0, s.arLarge(), TOL);
    }

    @Test
    void givenAreaDecidesTheSizeBucketInsteadOfTheBox() {
        GroundTruth big = new GroundTruth(1, 1, 0, 0, 200, 200, false, false, 500);
        CocoSummary s = summary(List.of(big), List.of(dt(1, 1, 0, 0, 200, 200, 0.9)));
        assertEquals(1.0, s.apSmall(), TOL);
        assertEquals(-1.0, s.apLarge());
    }

    @Test
    void recallAtOneTenAndHundredDetectionsPerImageFollowsTheCutOff() {
        List<GroundTruth> gts = new ArrayList<>();
        List<Detection> dts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            gts.add(gt(1, 1, i * 100, 0, i * 100 + 50, 50));
            dts.add(dt(1, 1, i * 100, 0, i * 100 + 50, 50, 1.0 - i * 0.01));
        }
        CocoSummary s = summary(gts, dts);
        assertEquals(1.0 / 12, s.ar1(), TOL);
        assertEquals(10.0 / 12, s.ar10(), TOL);
        assertEquals(1.0, s.ar100(), TOL);
        assertEquals(1.0, s.ap(), TOL);
    }

    @Test
    void onlyTheHundredBestScoredDetectionsOfAnImageAreEvaluated() {
        List<GroundTruth> gts = List.of(gt(1, 1, 0, 0, 50, 50));
        List<Detection> dts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            dts.add(dt(1, 1, 1000 + i * 60, 0, 1050 + i * 60, 50, 0.9));
        }
        dts.add(dt(1, 1, 0, 0, 50, 50, 0.5));
        assertEquals(0.0, summary(gts, dts).ar100(), TOL);
    }

    @Test
    void anIouOfExactlyPointNineMatchesUpToTheLinspaceThresholdJustBelowIt() {
        List<GroundTruth> gts = List.of(gt(1, 1, 0, 0, 10, 10));
        // IoU 90/100 = 0.9 >= 0.8999999999999999 (threshold 9 of 10) but < 0.95.
        CocoSummary s = summary(gts, List.of(dt(1, 1, 0, 0, 10, 9, 0.9)));
        assertEquals(0.9, s.ap(), TOL);
        assertEquals(1.0, s.ap75(), TOL);
    }

    @Test
    void perClassCurveListsInterpolatedPrecisionAndTheScoreWhereEachRecallIsReached() {
        List<GroundTruth> gts = List.of(gt(1, 4, 0, 0, 50, 50), gt(1, 4, 100, 100, 150, 150));
        List<Detection> dts = List.of(dt(1, 4, 0, 0, 50, 50, 0.9), dt(1, 4, 100, 100, 150, 150, 0.6));
        CocoEvaluation e = new CocoEvaluator().evaluate(gts, dts);
        PrecisionRecallCurve c = e.curve(4, 0);
        assertEquals(1.0, c.precision()[100], TOL);
        assertEquals(0.9, c.score()[50]);
        assertEquals(0.6, c.score()[51]);
        assertEquals(1.0, e.classAp(4).orElseThrow(), TOL);
        assertFalse(e.perClass().isEmpty());
    }
}
