package io.boxwork.annotations.formats;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing an import did not take as it was.
 *
 * @param file   the file it stands in ({@code null} when it concerns the whole import)
 * @param line   1-based line in that file, 0 when the format has no lines or it is unknown
 * @param index  0-based position of the item in its list (box, annotation, image), -1 when none
 */
public record ReportItem(Kind kind, Path file, int line, int index, String reason) {

    public enum Kind {
        /** Left out: a crowd box, a box with no area, a label file without its image, ... */
        SKIPPED,
        /** Taken, but not as written: a box clipped to the image, ... */
        CHANGED,
        /** Taken as written, with something worth knowing. */
        NOTE;

        public String jsonName() {
            return name().toLowerCase();
        }
    }

    public ReportItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.jsonName()).append(": ");
        if (file != null) sb.append(file);
        if (line > 0) sb.append(':').append(line);
        if (index >= 0) sb.append(file != null || line > 0 ? " " : "").append('#').append(index);
        if (file != null || line > 0 || index >= 0) sb.append(": ");
        return sb.append(reason).toString();
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("kind", kind.jsonName());
        if (file != null) o.addProperty("file", file.toString());
        if (line > 0) o.addProperty("line", line);
        if (index >= 0) o.addProperty("index", index);
        o.addProperty("reason", reason);
        return o;
    }
}
