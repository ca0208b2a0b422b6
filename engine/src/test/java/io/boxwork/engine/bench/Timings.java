package io.boxwork.engine.bench;

import java.util.Arrays;
import java.util.List;

/** Wall-clock milliseconds of each timed repetition, warm-up excluded. */
public record Timings(List<Double> millis) {

    public Timings {
        millis = List.copyOf(millis);
        if (millis.isEmpty()) {
            throw new IllegalArgumentException("Timings need at least one repetition");
        }
    }

    /** The middle repetition (mean of the two middle ones for an even count): robust to one slow outlier on a shared machine. */
    public double median() {
        double[] sorted = sorted();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    public double min() {
        return sorted()[0];
    }

    public double mean() {
        return millis.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private double[] sorted() {
        double[] values = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(values);
        return values;
    }
}
