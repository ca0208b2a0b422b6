package io.boxwork.annotations.model;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class SplitPlanTest {

    @Test
    void addingImagesNeverMovesTheOnesAlreadySplit() {
        SplitPlan plan = new SplitPlan(7, 0.2, 0.1, Map.of());
        Map<String, Split> before = new HashMap<>();
        for (int i = 0; i < 500; i++) before.put("img" + i + ".jpg", plan.splitOf("img" + i + ".jpg"));
        for (int i = 500; i < 1000; i++) plan.splitOf("img" + i + ".jpg");
        before.forEach((path, split) -> assertEquals(split, plan.splitOf(path)));
    }

    @Test
    void sharesAreRoughlyThoseAskedFor() {
        SplitPlan plan = new SplitPlan(3, 0.2, 0.1, Map.of());
        int val = 0, test = 0, n = 10_000;
        for (int i = 0; i < n; i++) {
            Split s = plan.splitOf("photos/" + i + ".png");
            if (s == Split.VAL) val++;
            if (s == Split.TEST) test++;
        }
        assertEquals(0.2, val / (double) n, 0.02);
        assertEquals(0.1, test / (double) n, 0.02);
    }

    @Test
    void anotherSeedDrawsAnotherSplitAndOverridesWin() {
        SplitPlan a = new SplitPlan(1, 0.5, 0, Map.of());
        SplitPlan b = new SplitPlan(2, 0.5, 0, Map.of());
        int differ = 0;
        for (int i = 0; i < 200; i++) if (a.splitOf(i + ".jpg") != b.splitOf(i + ".jpg")) differ++;
        assertTrue(differ > 50, "seeds should reshuffle, only " + differ + " differ");
        assertEquals(Split.TEST, a.withOverride("3.jpg", Split.TEST).splitOf("3.jpg"));
    }

    @Test
    void sharesAboveOneAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SplitPlan(1, 0.7, 0.5, Map.of()));
    }
}
