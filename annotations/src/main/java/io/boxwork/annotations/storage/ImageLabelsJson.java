package io.boxwork.annotations.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.BoxFlags;
import io.boxwork.annotations.model.BoxSource;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.model.ProjectSettings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** One {@code labels/<image>.json} file to and from {@link ImageLabels}. */
public final class ImageLabelsJson {
    private ImageLabelsJson() {
    }

    public static JsonObject toJson(ImageLabels labels) {
        JsonObject o = new JsonObject();
        o.addProperty("schema_version", ProjectSettings.CURRENT_SCHEMA);
        o.addProperty("image", labels.imagePath());
        o.addProperty("width", labels.width());
        o.addProperty("height", labels.height());
        o.addProperty("status", labels.status().jsonName());
        JsonArray boxes = new JsonArray();
        for (Box b : labels.boxes()) {
            JsonObject jb = new JsonObject();
            jb.addProperty("id", b.id());
            jb.addProperty("class", b.classId());
            jb.addProperty("x1", b.x1());
            jb.addProperty("y1", b.y1());
            jb.addProperty("x2", b.x2());
            jb.addProperty("y2", b.y2());
            jb.addProperty("source", b.source().jsonName());
            if (b.score() != null) jb.addProperty("score", b.score());
            if (b.flags().difficult()) jb.addProperty("difficult", true);
            if (b.flags().truncated()) jb.addProperty("truncated", true);
            boxes.add(jb);
        }
        o.add("boxes", boxes);
        return o;
    }

    public static ImageLabels fromJson(JsonSource src) throws MalformedFileException {
        JsonObject o = src.rootObject();
        long version = src.optionalInteger(o, "schema_version", "$", ProjectSettings.CURRENT_SCHEMA);
        if (version > ProjectSettings.CURRENT_SCHEMA) {
            throw src.error("$.schema_version", "written by a newer Boxwork (schema " + version
                + "); this version reads up to " + ProjectSettings.CURRENT_SCHEMA);
        }
        String image = src.string(o, "image", "$");
        int width = (int) src.integer(o, "width", "$");
        int height = (int) src.integer(o, "height", "$");
        if (width <= 0 || height <= 0) throw src.error("$.width", "image size must be positive, was " + width + "x" + height);
        ImageStatus status = parseEnum(src, ImageStatus.class, src.optionalString(o, "status", "$", "todo"), "$.status");
        JsonArray jboxes = src.optionalArray(o, "boxes", "$");
        List<Box> boxes = new ArrayList<>(jboxes.size());
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < jboxes.size(); i++) {
            String p = "$.boxes[" + i + "]";
            JsonObject jb = src.object(jboxes.get(i), p);
            long id = src.integer(jb, "id", p);
            if (!ids.add(id)) throw src.error(p + ".id", "box id " + id + " appears twice");
            BoxSource source = parseEnum(src, BoxSource.class, src.optionalString(jb, "source", p, "manual"), p + ".source");
            Float score = jb.has("score") && !jb.get("score").isJsonNull() ? (float) src.number(jb, "score", p) : null;
            try {
                boxes.add(new Box(id, (int) src.integer(jb, "class", p), (float) src.number(jb, "x1", p),
                    (float) src.number(jb, "y1", p), (float) src.number(jb, "x2", p), (float) src.number(jb, "y2", p),
                    source, score, BoxFlags.of(src.optionalBoolean(jb, "difficult", p, false),
                    src.optionalBoolean(jb, "truncated", p, false))));
            } catch (IllegalArgumentException e) {
                throw src.error(p, e.getMessage());
            }
        }
        return new ImageLabels(image, width, height, status, boxes);
    }

    private static <E extends Enum<E>> E parseEnum(JsonSource src, Class<E> type, String value, String path)
            throws MalformedFileException {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) allowed.append(allowed.length() == 0 ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT));
            throw src.error(path, "expected one of " + allowed + ", found '" + value + "'");
        }
    }
}
