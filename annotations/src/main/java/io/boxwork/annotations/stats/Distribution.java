package io.boxwork.annotations.stats;

import java.util.Arrays;

/**
 * A set of measurements summarised: how many, their range, mean, median and histogram. The
 * summary figures are {@code NaN} when there are no measurements.
 */
public record Distribution(long count, double min, double max, double mean, double median, Histogram histogram) {

    public static Distribution of(double[] values, double[] edges) {
        Histogram histogram = Histogram.of(edges, values);
        if (values.length == 0) return new Distribution(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, histogram);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) sum += v;
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Distribution(n, sorted[0], sorted[n - 1], sum / n, median, histogram);
    }
}
