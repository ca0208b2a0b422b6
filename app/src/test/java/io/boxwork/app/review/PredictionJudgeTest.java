package io.boxwork.app.review;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PredictionJudgeTest {
    private static final ImageLabels LABELS = new ImageLabels("a.png", 200, 200, ImageStatus.DONE, List.of(
        Box.manual(1, 1, 10, 10, 50, 50),
        Box.manual(2, 2, 100, 100, 150, 150),
        Box.predicted(3, 1, 150, 10, 190, 40, 0.9f)));

    /** 0: good class-1 hit, 1: duplicate of 0 (NMS drops it), 2: class-2 box on the class-2 label but poor IoU, 3: low score. */
    private static final ImageCandidates CANDIDATES = ImageCandidates.of("a.png",
        new float[] {11, 11, 51, 49, 12, 10, 50, 50, 100, 100, 120, 120, 100, 100, 150, 150},
        new float[] {0.95f, 0.9f, 0.8f, 0.3f},
        new int[] {1, 1, 2, 2});

    @Test
    void thresholdAndClassWiseNmsDecideWhatIsKeptBestScoreFirst() {
        ImageOutcome o = new PredictionJudge().judge(CANDIDATES, LABELS, new SliderSettings(0.5f, 0.5, 0.5, 100));
        assertArrayEquals(new int[] {0, 2}, o.kept());
    }

    @Test
    void aKeptPredictionIsATruePositiveOnlyWhenItFindsALabelOfItsClassAtTheMatchIou() {
        ImageOutcome o = new PredictionJudge().judge(CANDIDATES, LABELS, new SliderSettings(0.5f, 0.5, 0.5, 100));
        assertArrayEquals(new boolean[] {true, false}, o.truePositive());
        assertEquals(1, o.truePositives());
        assertEquals(1, o.falsePositives());
        assertEquals(1, o.misses(), "the class-2 label is missed");
        assertEquals(0.5, o.precision(), 1e-12);
        assertEquals(0.5, o.recall(), 1e-12);
    }

    @Test
    void unconfirmedPredictedLabelsAreNotTreatedAsTruth() {
        ImageOutcome o = new PredictionJudge().judge(CANDIDATES, LABELS, SliderSettings.defaults());
        assertEquals(2, o.truth().size());
        assertTrue(o.truth().stream().allMatch(b -> b.id() != 3));
    }

    @Test
    void loweringTheThresholdLetsTheLowScoringCandidateFindTheMissedLabel() {
        ImageOutcome o = new PredictionJudge().judge(CANDIDATES, LABELS, new SliderSettings(0.2f, 0.5, 0.5, 100));
        assertArrayEquals(new int[] {0, 2, 3}, o.kept());
        assertArrayEquals(new boolean[] {true, false, true}, o.truePositive());
        assertEquals(0, o.misses());
    }

    @Test
    void aLabelIsClaimedOnceSoASecondHitOnItIsAFalsePositive() {
        ImageOutcome o = new PredictionJudge().judge(CANDIDATES, LABELS, new SliderSettings(0.5f, 1.0, 0.5, 100));
        assertArrayEquals(new int[] {0, 1, 2}, o.kept(), "NMS at IoU 1 keeps the duplicate");
        assertArrayEquals(new boolean[] {true, false, false}, o.truePositive());
    }

    @Test
    void perClassFiguresCountTheOutcomes() {
        ImageOutcome o = new PredictionJudge().judge(CANDIDATES, LABELS, new SliderSettings(0.5f, 0.5, 0.5, 100));
        ReviewMetrics.Summary s = ReviewMetrics.of(List.of(o),
            List.of(new io.boxwork.annotations.model.LabelClass(1, "a", "#ff0000"), new io.boxwork.annotations.model.LabelClass(2, "b", "#00ff00")), 0.5);
        ClassMetrics a = s.perClass().get(0), b = s.perClass().get(1);
        assertEquals(1.0, a.precision(), 1e-12);
        assertEquals(1.0, a.recall(), 1e-12);
        assertEquals(1.0, a.ap(), 1e-12);
        assertEquals(0.0, b.precision(), 1e-12);
        assertEquals(0.0, b.recall(), 1e-12);
        assertEquals(0.0, b.ap(), 1e-12);
        assertEquals(0.5, s.mAp(), 1e-12);
    }
}
