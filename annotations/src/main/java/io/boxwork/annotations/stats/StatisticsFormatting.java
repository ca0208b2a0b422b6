package io.boxwork.annotations.stats;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.model.Split;

import java.util.Locale;

/** Statistics as a person reads them in a terminal, and as JSON for scripts (the CLI's --json). */
final class StatisticsFormatting {
    private StatisticsFormatting() {
    }

    static String text(DatasetStatistics s) {
        StringBuilder sb = new StringBuilder();
        section(sb, "All images", s.all());
        for (Split split : Split.values()) section(sb, capitalised(split.jsonName()), s.split(split));
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, SplitStatistics s) {
        sb.append(title).append(": ").append(s.images()).append(" images (").append(s.imagesWithoutBoxes())
            .append(" without boxes), ").append(s.boxes()).append(" boxes");
        if (s.predictedBoxes() > 0) sb.append(" + ").append(s.predictedBoxes()).append(" unconfirmed predictions");
        sb.append('\n');
        if (s.images() == 0) return;
        sb.append("  status:");
        for (ImageStatus st : ImageStatus.values()) sb.append(' ').append(st.jsonName()).append(' ').append(s.statuses().get(st));
        sb.append('\n');
        sb.append("  image sizes:");
        s.imageSizes().stream().limit(5).forEach(c -> sb.append(' ').append(c.width()).append('x').append(c.height())
            .append(" (").append(c.images()).append(')'));
        if (s.imageSizes().size() > 5) sb.append(" and ").append(s.imageSizes().size() - 5).append(" more");
        sb.append('\n');
        sb.append("  classes:\n");
        for (ClassCount c : s.classes()) {
            sb.append("    ").append(c.name()).append(": ").append(c.boxes()).append(" boxes in ").append(c.images())
                .append(" images\n");
        }
        distribution(sb, "boxes per image", s.boxesPerImage());
        distribution(sb, "box width (px)", s.boxWidth());
        distribution(sb, "box height (px)", s.boxHeight());
        distribution(sb, "box area (px²)", s.boxArea());
        distribution(sb, "box aspect (h/w)", s.boxAspect());
    }

    private static void distribution(StringBuilder sb, String name, Distribution d) {
        sb.append("  ").append(name).append(": ");
        if (d.count() == 0) {
            sb.append("none\n");
            return;
        }
        sb.append(String.format(Locale.ROOT, "min %s, median %s, mean %s, max %s%n", num(d.min()), num(d.median()),
            num(d.mean()), num(d.max())));
        Histogram h = d.histogram();
        long most = h.counts().stream().mapToLong(Long::longValue).max().orElse(1);
        for (int i = 0; i < h.bins(); i++) {
            long n = h.counts().get(i);
            int bar = (int) Math.round(30.0 * n / Math.max(1, most));
            sb.append(String.format(Locale.ROOT, "    %-14s %6d %s%n", h.label(i), n, "#".repeat(bar)));
        }
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static JsonObject json(DatasetStatistics s) {
        JsonObject o = new JsonObject();
        o.add("all", json(s.all()));
        JsonObject splits = new JsonObject();
        for (Split split : Split.values()) splits.add(split.jsonName(), json(s.split(split)));
        o.add("splits", splits);
        return o;
    }

    private static JsonObject json(SplitStatistics s) {
        JsonObject o = new JsonObject();
        o.addProperty("images", s.images());
        o.addProperty("images_without_boxes", s.imagesWithoutBoxes());
        o.addProperty("boxes", s.boxes());
        o.addProperty("predicted_boxes", s.predictedBoxes());
        JsonObject statuses = new JsonObject();
        for (ImageStatus st : ImageStatus.values()) statuses.addProperty(st.jsonName(), s.statuses().get(st));
        o.add("statuses", statuses);
        JsonArray sizes = new JsonArray();
        for (ImageSizeCount c : s.imageSizes()) {
            JsonObject jc = new JsonObject();
            jc.addProperty("width", c.width());
            jc.addProperty("height", c.height());
            jc.addProperty("images", c.images());
            sizes.add(jc);
        }
        o.add("image_sizes", sizes);
        JsonArray classes = new JsonArray();
        for (ClassCount c : s.classes()) {
            JsonObject jc = new JsonObject();
            jc.addProperty("id", c.classId());
            jc.addProperty("name", c.name());
            jc.addProperty("boxes", c.boxes());
            jc.addProperty("images", c.images());
            classes.add(jc);
        }
        o.add("classes", classes);
        o.add("boxes_per_image", json(s.boxesPerImage()));
        o.add("box_width", json(s.boxWidth()));
        o.add("box_height", json(s.boxHeight()));
        o.add("box_area", json(s.boxArea()));
        o.add("box_aspect", json(s.boxAspect()));
        return o;
    }

    private static JsonObject json(Distribution d) {
        JsonObject o = new JsonObject();
        o.addProperty("count", d.count());
        // JSON has no NaN: an empty distribution simply has no summary figures.
        if (d.count() > 0) {
            o.addProperty("min", d.min());
            o.addProperty("max", d.max());
            o.addProperty("mean", d.mean());
            o.addProperty("median", d.median());
        }
        JsonArray edges = new JsonArray();
        for (double e : d.histogram().edges()) {
            if (Double.isInfinite(e)) edges.add((String) null); else edges.add(e);
        }
        o.add("edges", edges);
        JsonArray counts = new JsonArray();
        for (long n : d.histogram().counts()) counts.add(n);
        o.add("counts", counts);
        return o;
    }
}
