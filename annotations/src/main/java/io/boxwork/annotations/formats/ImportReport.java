package io.boxwork.annotations.formats;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.boxwork.annotations.storage.JsonFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import brought in and everything it did not take as it was: each skipped or changed
 * item with its reason and where it stands (file, line, index), so a person can go and look.
 */
public record ImportReport(String format, Path source, int images, int boxes, int classes, int negatives,
                           List<ReportItem> items) {

    public ImportReport {
        items = List.copyOf(items);
    }

    public long count(ReportItem.Kind kind) {
        return items.stream().filter(i -> i.kind() == kind).count();
    }

    public List<ReportItem> items(ReportItem.Kind kind) {
        return items.stream().filter(i -> i.kind() == kind).toList();
    }

    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("Imported ").append(format).append(" from ").append(source).append('\n');
        sb.append("  images:    ").append(images).append(" (").append(negatives).append(" without boxes)\n");
        sb.append("  boxes:     ").append(boxes).append('\n');
        sb.append("  classes:   ").append(classes).append('\n');
        sb.append("  skipped:   ").append(count(ReportItem.Kind.SKIPPED)).append('\n');
        sb.append("  changed:   ").append(count(ReportItem.Kind.CHANGED)).append('\n');
        sb.append("  notes:     ").append(count(ReportItem.Kind.NOTE)).append('\n');
        for (ReportItem item : items) sb.append("  ").append(item).append('\n');
        return sb.toString();
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("format", format);
        o.addProperty("source", String.valueOf(source));
        o.addProperty("images", images);
        o.addProperty("boxes", boxes);
        o.addProperty("classes", classes);
        o.addProperty("negatives", negatives);
        JsonArray list = new JsonArray();
        for (ReportItem item : items) list.add(item.toJson());
        o.add("items", list);
        return o;
    }

    public String toJsonText() {
        return JsonFiles.toPrettyJson(toJson());
    }

    /** Collects items while a reader runs; the counts come from what was finally kept. */
    public static final class Builder {
        private final String format;
        private final Path source;
        private final List<ReportItem> items = new ArrayList<>();

        public Builder(String format, Path source) {
            this.format = format;
            this.source = source;
        }

        public Builder skipped(Path file, int line, int index, String reason) {
            return add(new ReportItem(ReportItem.Kind.SKIPPED, file, line, index, reason));
        }

        public Builder changed(Path file, int line, int index, String reason) {
            return add(new ReportItem(ReportItem.Kind.CHANGED, file, line, index, reason));
        }

        public Builder note(Path file, int line, int index, String reason) {
            return add(new ReportItem(ReportItem.Kind.NOTE, file, line, index, reason));
        }

        public synchronized Builder add(ReportItem item) {
            items.add(item);
            return this;
        }

        public synchronized List<ReportItem> items() {
            return List.copyOf(items);
        }

        public ImportReport build(Dataset kept) {
            return build(kept.images().size(), kept.boxCount(), kept.classNames().size(), (int) kept.negativeCount());
        }

        public synchronized ImportReport build(int images, int boxes, int classes, int negatives) {
            return new ImportReport(format, source, images, boxes, classes, negatives, items);
        }
    }
}
