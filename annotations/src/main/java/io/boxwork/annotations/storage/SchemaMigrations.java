package io.boxwork.annotations.storage;

import com.google.gson.JsonObject;
import io.boxwork.annotations.model.ProjectSettings;

/**
 * Brings an older {@code boxwork.json} up to the current schema. Each step takes version n to
 * n + 1 on the JSON tree, so old projects keep opening as the format grows.
 */
final class SchemaMigrations {
    private SchemaMigrations() {
    }

    /** Returns true when the tree was changed and should be written back. */
    static boolean migrate(JsonSource src, JsonObject root) throws MalformedFileException {
        long version = src.optionalInteger(root, "schema_version", "$", 0);
        if (version > ProjectSettings.CURRENT_SCHEMA) {
            throw src.error("$.schema_version", "written by a newer Boxwork (schema " + version
                + "); this version reads up to schema " + ProjectSettings.CURRENT_SCHEMA);
        }
        boolean changed = false;
        if (version < 1) {
            // Schema 0 (pre-release projects) had no version field and called the folder "image_dir".
            if (root.has("image_dir") && !root.has("images_dir")) root.add("images_dir", root.remove("image_dir"));
            root.addProperty("schema_version", 1);
            changed = true;
        }
        return changed;
    }
}
