package io.boxwork.engine.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessRssTest {

    private static final String STATUS = """
            Name:\tjava
            VmPeak:\t 9000000 kB
            VmHWM:\t  524288 kB
            VmRSS:\t  262144 kB
            Threads:\t30
            """;

    @Test
    void residentAndPeakSizesAreReadFromTheStatusLinesInKib() {
        ProcessRss rss = ProcessRss.parse(STATUS);
        assertEquals(262144, rss.rssKiB());
        assertEquals(524288, rss.peakKiB());
        assertEquals(256.0, rss.rssMiB(), 1e-9);
        assertEquals(512.0, rss.peakMiB(), 1e-9);
    }

    @Test
    void aStatusWithoutVmRssIsRefusedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProcessRss.parse("Name:\tjava\nVmHWM:\t 10 kB\n"));
        assertTrue(e.getMessage().contains("VmRSS"), e.getMessage());
    }

    @Test
    void thisProcessIsResidentAndNeverAboveItsPeak() {
        ProcessRss rss = ProcessRss.now();
        assertTrue(rss.rssKiB() > 0, "a running JVM has resident pages");
        assertTrue(rss.rssKiB() <= rss.peakKiB(), "VmRSS " + rss.rssKiB() + " above VmHWM " + rss.peakKiB());
    }
}
