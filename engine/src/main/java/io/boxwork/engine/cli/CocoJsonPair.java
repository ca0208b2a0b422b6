package io.boxwork.engine.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.boxwork.annotations.metrics.Detection;
import io.boxwork.annotations.metrics.GroundTruth;
import io.boxwork.annotations.storage.JsonFiles;
import io.boxwork.annotations.storage.MalformedFileException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A COCO ground-truth file and a COCO results file, read as pycocotools' {@code loadRes} sees
 * them: only the ground truth's images and categories count, a detection's area is its box's.
 */
record CocoJsonPair(List<GroundTruth> truth, List<Detection> detections, Map<Integer, String> categoryNames) {

    static CocoJsonPair read(Path gtFile, Path detsFile) throws IOException {
        JsonElement gtRoot = JsonFiles.read(gtFile);
        if (!gtRoot.isJsonObject()) throw new MalformedFileException(gtFile, 1, 1, "$", "a COCO ground truth file is a JSON object");
        JsonObject gt = gtRoot.getAsJsonObject();
        Map<Long, Integer> imageIndex = new HashMap<>();
        JsonArray images = array(gtFile, gt, "images");
        for (int i = 0; i < images.size(); i++) imageIndex.put(number(gtFile, images.get(i), "$.images[" + i + "]", "id").longValue(), i);
        Map<Integer, String> categories = new LinkedHashMap<>();
        JsonArray cats = array(gtFile, gt, "categories");
        for (int i = 0; i < cats.size(); i++) {
            JsonObject c = cats.get(i).getAsJsonObject();
            categories.put(number(gtFile, c, "$.categories[" + i + "]", "id").intValue(), c.has("name") ? c.get("name").getAsString() : "?");
        }
        List<GroundTruth> truth = new ArrayList<>();
        JsonArray anns = array(gtFile, gt, "annotations");
        for (int i = 0; i < anns.size(); i++) {
            String where = "$.annotations[" + i + "]";
            JsonObject a = anns.get(i).getAsJsonObject();
            Integer image = imageIndex.get(number(gtFile, a, where, "image_id").longValue());
            if (image == null) throw new MalformedFileException(gtFile, 0, 0, where + ".image_id", "no image with this id in $.images");
            double[] b = bbox(gtFile, a, where);
            boolean crowd = a.has("iscrowd") && a.get("iscrowd").getAsInt() != 0;
            double area = a.has("area") ? a.get("area").getAsDouble() : Double.NaN;
            truth.add(new GroundTruth(image, number(gtFile, a, where, "category_id").intValue(), b[0], b[1], b[0] + b[2], b[1] + b[3],
                crowd, false, area));
        }
        JsonElement detRoot = JsonFiles.read(detsFile);
        if (!detRoot.isJsonArray()) throw new MalformedFileException(detsFile, 1, 1, "$", "a COCO results file is a JSON array of detections");
        List<Detection> dets = new ArrayList<>();
        JsonArray arr = detRoot.getAsJsonArray();
        for (int i = 0; i < arr.size(); i++) {
            String where = "$[" + i + "]";
            JsonObject d = arr.get(i).getAsJsonObject();
            Integer image = imageIndex.get(number(detsFile, d, where, "image_id").longValue());
            int category = number(detsFile, d, where, "category_id").intValue();
            if (image == null || !categories.containsKey(category)) continue;
            double[] b = bbox(detsFile, d, where);
            dets.add(new Detection(image, category, b[0], b[1], b[0] + b[2], b[1] + b[3], number(detsFile, d, where, "score").doubleValue()));
        }
        return new CocoJsonPair(truth, dets, categories);
    }

    private static JsonArray array(Path file, JsonObject o, String key) throws MalformedFileException {
        if (!o.has(key) || !o.get(key).isJsonArray()) throw new MalformedFileException(file, 0, 0, "$." + key, "missing array '" + key + "'");
        return o.getAsJsonArray(key);
    }

    private static Number number(Path file, JsonElement e, String where, String key) throws MalformedFileException {
        JsonObject o = e.getAsJsonObject();
        if (!o.has(key) || !o.get(key).isJsonPrimitive() || !o.get(key).getAsJsonPrimitive().isNumber()) {
            throw new MalformedFileException(file, 0, 0, where + "." + key, "missing number '" + key + "'");
        }
        return o.get(key).getAsNumber();
    }

    private static double[] bbox(Path file, JsonObject o, String where) throws MalformedFileException {
        if (!o.has("bbox") || !o.get("bbox").isJsonArray() || o.getAsJsonArray("bbox").size() != 4) {
            throw new MalformedFileException(file, 0, 0, where + ".bbox", "bbox must be [x, y, width, height]");
        }
        JsonArray b = o.getAsJsonArray("bbox");
        double[] v = new double[4];
        for (int k = 0; k < 4; k++) v[k] = b.get(k).getAsDouble();
        if (v[2] < 0 || v[3] < 0) throw new MalformedFileException(file, 0, 0, where + ".bbox", "negative width or height");
        return v;
    }
}
