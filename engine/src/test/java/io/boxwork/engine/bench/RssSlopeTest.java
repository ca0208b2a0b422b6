package io.boxwork.engine.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RssSlopeTest {

    @Test
    void memoryGrowingTwoMibPerHundredCallsHasSlopeTwo() {
        List<RssSlope.Sample> samples = List.of(new RssSlope.Sample(0, 300), new RssSlope.Sample(100, 302),
                new RssSlope.Sample(200, 304), new RssSlope.Sample(300, 306));
        assertEquals(2.0, RssSlope.mibPer100Calls(samples), 1e-9);
    }

    @Test
    void oneBurstAtTheEndWeighsLessThanLastMinusFirst() {
        List<RssSlope.Sample> samples = List.of(new RssSlope.Sample(0, 300), new RssSlope.Sample(100, 300),
                new RssSlope.Sample(200, 300), new RssSlope.Sample(300, 300), new RssSlope.Sample(400, 308));
        double slope = RssSlope.mibPer100Calls(samples);
        // last minus first would say 2 MiB per 100 calls
        assertEquals(1.6, slope, 1e-9);
    }

    @Test
    void flatMemoryHasSlopeZero() {
        List<RssSlope.Sample> samples = List.of(new RssSlope.Sample(0, 512.5), new RssSlope.Sample(50, 512.5),
                new RssSlope.Sample(100, 512.5));
        assertEquals(0.0, RssSlope.mibPer100Calls(samples), 1e-12);
    }

    @Test
    void aSlopeNeedsTwoDistinctCallCounts() {
        assertThrows(IllegalArgumentException.class, () -> RssSlope.mibPer100Calls(List.of(new RssSlope.Sample(0, 1))));
        assertThrows(IllegalArgumentException.class, () -> RssSlope.mibPer100Calls(
                List.of(new RssSlope.Sample(5, 1), new RssSlope.Sample(5, 2))));
    }
}
