package io.boxwork.engine.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts the JSON lines of both sides ({@link EngineBench} / {@link MemoryBench} and
 * {@code bench_torchvision.py}) side by side: the speed table with the ratio Java / torchvision,
 * and the memory table with each side's RSS samples and slope.
 * Usage: {@code BenchTable results.jsonl...}.
 */
public final class BenchTable {

    private static final String JAVA = "java";
    private static final String TORCHVISION = "torchvision";

    private BenchTable() {
    }

    public static void main(String[] args) {
        List<JsonObject> lines = new ArrayList<>();
        for (String file : args) {
            lines.addAll(read(Path.of(file)));
        }
        System.out.print(render(lines));
    }

    /** The JSON object lines of a results file; other lines (a crashed run's messages) are an error naming the line. */
    static List<JsonObject> read(Path file) {
        List<JsonObject> out = new ArrayList<>();
        try {
            List<String> text = Files.readAllLines(file);
            for (int i = 0; i < text.size(); i++) {
                String line = text.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    out.add(JsonParser.parseString(line).getAsJsonObject());
                } catch (JsonParseException | IllegalStateException e) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a JSON object line: '" + line + "'", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read results file " + file, e);
        }
        return out;
    }

    public static String render(List<JsonObject> lines) {
        StringBuilder out = new StringBuilder();
        List<JsonObject> speed = lines.stream().filter(o -> "speed".equals(text(o, "mode"))).toList();
        List<JsonObject> memory = lines.stream().filter(o -> "memory".equals(text(o, "mode"))).toList();
        if (!speed.isEmpty()) {
            out.append(speedTable(speed));
        }
        if (!memory.isEmpty()) {
            if (!speed.isEmpty()) {
                out.append('\n');
            }
            out.append(memoryTable(memory));
        }
        return out.toString();
    }

    private static String speedTable(List<JsonObject> lines) {
        Map<String, Map<String, JsonObject>> byConfig = new LinkedHashMap<>();
        for (JsonObject o : lines) {
            byConfig.computeIfAbsent(config(o), k -> new LinkedHashMap<>()).put(text(o, "side"), o);
        }
        StringBuilder out = new StringBuilder();
        out.append("Median milliseconds (min in brackets); ratio = Java / torchvision, below 1 means Java is faster.\n");
        out.append(String.format(Locale.ROOT, "%-20s | %-48s | %-48s%n", "", "inference per image (batch 1)",
                "training step (batch 2)"));
        out.append(String.format(Locale.ROOT, "%-20s | %19s %19s %8s | %19s %19s %8s%n", "config",
                "Java", "torchvision", "ratio", "Java", "torchvision", "ratio"));
        out.append("-".repeat(20)).append("-+-").append("-".repeat(48)).append("-+-").append("-".repeat(48)).append('\n');
        for (Map.Entry<String, Map<String, JsonObject>> e : byConfig.entrySet()) {
            JsonObject java = e.getValue().get(JAVA);
            JsonObject tv = e.getValue().get(TORCHVISION);
            out.append(String.format(Locale.ROOT, "%-20s | %s | %s%n", e.getKey(),
                    speedCells(java, tv, "infer"), speedCells(java, tv, "train")));
        }
        for (Map.Entry<String, Map<String, JsonObject>> e : byConfig.entrySet()) {
            for (JsonObject o : e.getValue().values()) {
                out.append(String.format(Locale.ROOT, "%s %s: %s, %s threads, RSS at end %s MiB (peak %s MiB, after malloc_trim %s MiB)%n",
                        e.getKey(), text(o, "side"), field(o, "impl"), field(o, "threads"),
                        field(o, "rss_mib"), field(o, "peak_rss_mib"), field(o, "rss_trimmed_mib")));
            }
        }
        return out.toString();
    }

    private static String speedCells(JsonObject java, JsonObject tv, String prefix) {
        String median = prefix + "_ms_median";
        String min = prefix + "_ms_min";
        String ratio = "-";
        if (java != null && tv != null && java.has(median) && tv.has(median)) {
            ratio = String.format(Locale.ROOT, "%.2f",
                    java.get(median).getAsDouble() / tv.get(median).getAsDouble());
        }
        return String.format(Locale.ROOT, "%19s %19s %8s", cell(java, median, min), cell(tv, median, min), ratio);
    }

    private static String cell(JsonObject o, String median, String min) {
        if (o == null || !o.has(median)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f (%.1f)", o.get(median).getAsDouble(), o.get(min).getAsDouble());
    }

    private static String memoryTable(List<JsonObject> lines) {
        StringBuilder out = new StringBuilder();
        out.append("Resident memory (VmRSS, MiB) after each number of calls; slope = least-squares MiB per 100 calls.\n");
        Map<String, Map<Long, Map<String, Double>>> samples = new LinkedHashMap<>();
        Map<String, Map<String, JsonObject>> summaries = new LinkedHashMap<>();
        for (JsonObject o : lines) {
            String key = config(o) + " " + text(o, "phase");
            if (o.has("summary")) {
                summaries.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(text(o, "side"), o);
            } else {
                samples.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .computeIfAbsent(o.get("calls").getAsLong(), k -> new TreeMap<>())
                        .put(text(o, "side"), o.get("rss_mib").getAsDouble());
            }
        }
        for (Map.Entry<String, Map<Long, Map<String, Double>>> e : samples.entrySet()) {
            out.append(String.format(Locale.ROOT, "%n%s%n%8s | %12s | %12s%n", e.getKey(), "calls", "Java",
                    "torchvision"));
            new TreeMap<>(e.getValue()).forEach((calls, bySide) -> out.append(String.format(Locale.ROOT,
                    "%8d | %12s | %12s%n", calls, mib(bySide.get(JAVA)), mib(bySide.get(TORCHVISION)))));
            Map<String, JsonObject> summary = summaries.getOrDefault(e.getKey(), Map.of());
            out.append(String.format(Locale.ROOT, "%8s | %12s | %12s%n", "slope",
                    slope(summary.get(JAVA)), slope(summary.get(TORCHVISION))));
            out.append(String.format(Locale.ROOT, "%8s | %12s | %12s%n", "seconds",
                    field(summary.get(JAVA), "seconds"), field(summary.get(TORCHVISION), "seconds")));
        }
        return out.toString();
    }

    private static String mib(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String slope(JsonObject summary) {
        return summary == null ? "-" : String.format(Locale.ROOT, "%+.2f", summary.get("slope_mib_per_100").getAsDouble());
    }

    private static String field(JsonObject o, String name) {
        return o == null || !o.has(name) ? "-" : o.get(name).getAsString();
    }

    private static String config(JsonObject o) {
        return text(o, "backbone") + "-fpn @ " + text(o, "size");
    }

    private static String text(JsonObject o, String name) {
        if (!o.has(name)) {
            throw new IllegalArgumentException("Result line lacks '" + name + "': " + o);
        }
        return o.get(name).getAsString();
    }
}
