package io.boxwork.engine.bench;

import java.util.List;

/**
 * How fast resident memory grows: the least-squares line through (calls, MiB) samples, in MiB
 * per 100 calls. A fit over every sample rather than last minus first, so that one allocator
 * burst at either end does not decide whether memory is called flat.
 */
public final class RssSlope {

    /** One reading: resident MiB after {@code calls} calls. */
    public record Sample(long calls, double mib) {
    }

    private RssSlope() {
    }

    public static double mibPer100Calls(List<Sample> samples) {
        if (samples.size() < 2) {
            throw new IllegalArgumentException("A slope needs at least two samples, got " + samples.size());
        }
        double meanX = 0;
        double meanY = 0;
        for (Sample s : samples) {
            meanX += s.calls();
            meanY += s.mib();
        }
        meanX /= samples.size();
        meanY /= samples.size();
        double covariance = 0;
        double variance = 0;
        for (Sample s : samples) {
            covariance += (s.calls() - meanX) * (s.mib() - meanY);
            variance += (s.calls() - meanX) * (s.calls() - meanX);
        }
        if (variance == 0) {
            throw new IllegalArgumentException("All " + samples.size() + " samples were taken at the same call count");
        }
        return covariance / variance * 100;
    }
}
