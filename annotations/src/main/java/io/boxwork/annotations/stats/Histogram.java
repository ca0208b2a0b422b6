package io.boxwork.annotations.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts of values in bins {@code [edges[i], edges[i + 1])}; the last edge may be infinite. A value
 * below the first edge falls in the first bin, so no value goes uncounted.
 */
public record Histogram(List<Double> edges, List<Long> counts) {

    public Histogram {
        edges = List.copyOf(edges);
        counts = List.copyOf(counts);
        if (edges.size() != counts.size() + 1) {
            throw new IllegalArgumentException("a histogram needs one edge more than bins, had " + edges.size()
                + " edges and " + counts.size() + " bins");
        }
        for (int i = 1; i < edges.size(); i++) {
            if (!(edges.get(i) > edges.get(i - 1))) throw new IllegalArgumentException("edges must increase: " + edges);
        }
    }

    public static Histogram of(double[] edges, double[] values) {
        long[] counts = new long[edges.length - 1];
        for (double v : values) counts[bin(edges, v)]++;
        List<Double> e = new ArrayList<>(edges.length);
        for (double d : edges) e.add(d);
        List<Long> c = new ArrayList<>(counts.length);
        for (long n : counts) c.add(n);
        return new Histogram(e, c);
    }

    private static int bin(double[] edges, double v) {
        // Few bins: a linear scan is as fast as a binary search and obviously right.
        for (int i = edges.length - 2; i > 0; i--) if (v >= edges[i]) return i;
        return 0;
    }

    public int bins() {
        return counts.size();
    }

    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    /** {@code "[32, 64)"}, or {@code "≥ 512"} for the open last bin. */
    public String label(int bin) {
        double lo = edges.get(bin);
        double hi = edges.get(bin + 1);
        if (Double.isInfinite(hi)) return "≥ " + format(lo);
        return "[" + format(lo) + ", " + format(hi) + ")";
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
