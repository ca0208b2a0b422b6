package io.boxwork.engine.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimingsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleRepetitionWhateverTheOutlier() {
        Timings t = new Timings(List.of(120.0, 100.0, 900.0));
        assertEquals(120.0, t.median(), 1e-12);
        assertEquals(100.0, t.min(), 1e-12);
        assertEquals(373.333, t.mean(), 1e-3);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleRepetitions() {
        assertEquals(15.0, new Timings(List.of(30.0, 10.0, 20.0, 10.0)).median(), 1e-12);
    }

    @Test
    void timingsNeedAtLeastOneRepetition() {
        assertThrows(IllegalArgumentException.class, () -> new Timings(List.of()));
    }
}
