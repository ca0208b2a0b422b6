package io.boxwork.annotations.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.boxwork.annotations.model.AnchorSettings;
import io.boxwork.annotations.model.LabelClass;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.model.SplitPlan;
import io.boxwork.annotations.model.TrainingDefaults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code boxwork.json} to and from {@link ProjectSettings}. */
public final class ProjectSettingsJson {
    private ProjectSettingsJson() {
    }

    public static JsonObject toJson(ProjectSettings s) {
        JsonObject o = new JsonObject();
        o.addProperty("schema_version", s.schemaVersion());
        o.addProperty("name", s.name());
        o.addProperty("images_dir", s.imagesDir());
        JsonArray classes = new JsonArray();
        for (LabelClass c : s.classes()) {
            JsonObject jc = new JsonObject();
            jc.addProperty("id", c.id());
            jc.addProperty("name", c.name());
            jc.addProperty("color", c.color());
            classes.add(jc);
        }
        o.add("classes", classes);
        JsonObject split = new JsonObject();
        split.addProperty("seed", s.split().seed());
        split.addProperty("val", s.split().valShare());
        split.addProperty("test", s.split().testShare());
        JsonObject overrides = new JsonObject();
        s.split().overrides().forEach((path, sp) -> overrides.addProperty(path, sp.jsonName()));
        split.add("overrides", overrides);
        o.add("split", split);
        JsonObject anchors = new JsonObject();
        JsonArray sizes = new JsonArray();
        for (List<Integer> level : s.anchors().sizes()) {
            JsonArray l = new JsonArray();
            level.forEach(l::add);
            sizes.add(l);
        }
        anchors.add("sizes", sizes);
        JsonArray ratios = new JsonArray();
        s.anchors().aspectRatios().forEach(ratios::add);
        anchors.add("aspect_ratios", ratios);
        anchors.addProperty("min_size", s.anchors().minSize());
        anchors.addProperty("max_size", s.anchors().maxSize());
        o.add("anchors", anchors);
        JsonObject t = new JsonObject();
        TrainingDefaults td = s.training();
        t.addProperty("backbone", td.backbone());
        t.addProperty("weights", td.weights());
        t.addProperty("epochs", td.epochs());
        t.addProperty("batch_size", td.batchSize());
        t.addProperty("learning_rate", td.learningRate());
        t.addProperty("trainable_layers", td.trainableLayers());
        o.add("training", t);
        return o;
    }

    /** Reads settings already migrated to the current schema. */
    public static ProjectSettings fromJson(JsonSource src, JsonObject o) throws MalformedFileException {
        int version = (int) src.integer(o, "schema_version", "$");
        String name = src.string(o, "name", "$");
        String imagesDir = src.optionalString(o, "images_dir", "$", "images");
        List<LabelClass> classes = new ArrayList<>();
        JsonArray jclasses = src.array(o, "classes", "$");
        for (int i = 0; i < jclasses.size(); i++) {
            String p = "$.classes[" + i + "]";
            JsonObject jc = src.object(jclasses.get(i), p);
            try {
                classes.add(new LabelClass((int) src.integer(jc, "id", p), src.string(jc, "name", p),
                    src.optionalString(jc, "color", p, LabelClass.defaultColour(i))));
            } catch (IllegalArgumentException e) {
                throw src.error(p, e.getMessage());
            }
        }
        SplitPlan split = SplitPlan.defaults();
        if (o.has("split")) {
            JsonObject js = src.object(o.get("split"), "$.split");
            Map<String, Split> overrides = new LinkedHashMap<>();
            if (js.has("overrides")) {
                JsonObject jo = src.object(js.get("overrides"), "$.split.overrides");
                for (Map.Entry<String, JsonElement> e : jo.entrySet()) {
                    String p = "$.split.overrides." + e.getKey();
                    if (!e.getValue().isJsonPrimitive()) throw src.error(p, "expected train, val or test");
                    overrides.put(e.getKey(), parseSplit(src, e.getValue().getAsString(), p));
                }
            }
            try {
                split = new SplitPlan(src.optionalInteger(js, "seed", "$.split", 42),
                    src.optionalNumber(js, "val", "$.split", 0.2), src.optionalNumber(js, "test", "$.split", 0.0), overrides);
            } catch (IllegalArgumentException e) {
                throw src.error("$.split", e.getMessage());
            }
        }
        AnchorSettings anchors = AnchorSettings.torchvisionDefaults();
        if (o.has("anchors")) {
            JsonObject ja = src.object(o.get("anchors"), "$.anchors");
            List<List<Integer>> sizes = new ArrayList<>();
            JsonArray jsizes = src.array(ja, "sizes", "$.anchors");
            for (int i = 0; i < jsizes.size(); i++) {
                String p = "$.anchors.sizes[" + i + "]";
                JsonElement level = jsizes.get(i);
                List<Integer> l = new ArrayList<>();
                if (level.isJsonArray()) {
                    JsonArray la = level.getAsJsonArray();
                    for (int k = 0; k < la.size(); k++) l.add((int) src.integer(la.get(k), p + "[" + k + "]"));
                } else {
                    l.add((int) src.integer(level, p));
                }
                sizes.add(l);
            }
            List<Double> ratios = new ArrayList<>();
            JsonArray jr = src.array(ja, "aspect_ratios", "$.anchors");
            for (int i = 0; i < jr.size(); i++) ratios.add(src.number(jr.get(i), "$.anchors.aspect_ratios[" + i + "]"));
            try {
                anchors = new AnchorSettings(sizes, ratios, (int) src.optionalInteger(ja, "min_size", "$.anchors", 800),
                    (int) src.optionalInteger(ja, "max_size", "$.anchors", 1333));
            } catch (IllegalArgumentException e) {
                throw src.error("$.anchors", e.getMessage());
            }
        }
        TrainingDefaults training = TrainingDefaults.defaults();
        if (o.has("training")) {
            JsonObject jt = src.object(o.get("training"), "$.training");
            TrainingDefaults d = TrainingDefaults.defaults();
            try {
                training = new TrainingDefaults(src.optionalString(jt, "backbone", "$.training", d.backbone()),
                    src.optionalString(jt, "weights", "$.training", d.weights()),
                    (int) src.optionalInteger(jt, "epochs", "$.training", d.epochs()),
                    (int) src.optionalInteger(jt, "batch_size", "$.training", d.batchSize()),
                    src.optionalNumber(jt, "learning_rate", "$.training", d.learningRate()),
                    (int) src.optionalInteger(jt, "trainable_layers", "$.training", d.trainableLayers()));
            } catch (IllegalArgumentException e) {
                throw src.error("$.training", e.getMessage());
            }
        }
        try {
            return new ProjectSettings(version, name, classes, imagesDir, split, anchors, training);
        } catch (IllegalArgumentException e) {
            throw src.error("$.classes", e.getMessage());
        }
    }

    private static Split parseSplit(JsonSource src, String value, String path) throws MalformedFileException {
        try {
            return Split.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw src.error(path, "expected train, val or test, found '" + value + "'");
        }
    }
}
