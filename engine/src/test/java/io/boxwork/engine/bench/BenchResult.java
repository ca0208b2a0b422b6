package io.boxwork.engine.bench;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * One configuration's figures as one JSON line, with the keys {@code bench_torchvision.py} writes,
 * so {@link BenchTable} can pair the two sides by backbone and size.
 */
public final class BenchResult {

    private static final Gson GSON = new Gson();

    private BenchResult() {
    }

    static JsonObject header(String side, String impl, String backbone, int size, int threads, long interOpThreads) {
        JsonObject o = new JsonObject();
        o.addProperty("mode", "speed");
        o.addProperty("side", side);
        o.addProperty("impl", impl);
        o.addProperty("backbone", backbone);
        o.addProperty("size", size);
        o.addProperty("threads", threads);
        o.addProperty("interop_threads", interOpThreads);
        return o;
    }

    static void addTimings(JsonObject o, String prefix, Timings timings) {
        JsonArray all = new JsonArray();
        timings.millis().forEach(ms -> all.add(round(ms)));
        o.add(prefix + "_ms", all);
        o.addProperty(prefix + "_ms_median", round(timings.median()));
        o.addProperty(prefix + "_ms_min", round(timings.min()));
        o.addProperty(prefix + "_ms_mean", round(timings.mean()));
    }

    static void addRss(JsonObject o, ProcessRss rss) {
        o.addProperty("rss_mib", round(rss.rssMiB()));
        o.addProperty("peak_rss_mib", round(rss.peakMiB()));
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static String line(JsonObject o) {
        return GSON.toJson(o);
    }
}
