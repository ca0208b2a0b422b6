package io.boxwork.engine.inference;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.boxwork.engine.detection.RawCandidates;

import java.util.ArrayList;
import java.util.List;

/** One image's prediction as JSON: final boxes with scores and labels, and optionally the raw candidates. */
public final class PredictionJson {
    private PredictionJson() {
    }

    public static JsonObject toJson(ImagePrediction p, boolean withCandidates, List<String> classNames) {
        JsonObject o = new JsonObject();
        o.addProperty("image", p.image());
        o.addProperty("width", p.width());
        o.addProperty("height", p.height());
        JsonArray boxes = new JsonArray();
        JsonArray scores = new JsonArray();
        JsonArray labels = new JsonArray();
        JsonArray names = new JsonArray();
        for (ImagePrediction.Detected d : p.detections()) {
            JsonArray b = new JsonArray();
            b.add(d.x1());
            b.add(d.y1());
            b.add(d.x2());
            b.add(d.y2());
            boxes.add(b);
            scores.add(d.score());
            labels.add(d.label());
            names.add(d.className());
        }
        o.add("boxes", boxes);
        o.add("scores", scores);
        o.add("labels", labels);
        o.add("classes", names);
        if (withCandidates) {
            o.add("candidates", candidates(p.candidates()));
            JsonArray cls = new JsonArray();
            classNames.forEach(cls::add);
            o.add("class_names", cls);
        }
        return o;
    }

    /** Flat arrays: {@code boxes} 4 numbers per candidate, {@code scores}, {@code labels} (1..K). */
    public static JsonObject candidates(RawCandidates c) {
        JsonObject o = new JsonObject();
        JsonArray boxes = new JsonArray();
        for (float v : c.boxes()) boxes.add(v);
        JsonArray scores = new JsonArray();
        for (float v : c.scores()) scores.add(v);
        JsonArray labels = new JsonArray();
        for (int v : c.labels()) labels.add(v);
        o.add("boxes", boxes);
        o.add("scores", scores);
        o.add("labels", labels);
        return o;
    }

    public static RawCandidates readCandidates(JsonObject o) {
        JsonArray b = o.getAsJsonArray("boxes");
        JsonArray s = o.getAsJsonArray("scores");
        JsonArray l = o.getAsJsonArray("labels");
        float[] boxes = new float[b.size()];
        for (int i = 0; i < boxes.length; i++) boxes[i] = b.get(i).getAsFloat();
        float[] scores = new float[s.size()];
        for (int i = 0; i < scores.length; i++) scores[i] = s.get(i).getAsFloat();
        int[] labels = new int[l.size()];
        for (int i = 0; i < labels.length; i++) labels[i] = l.get(i).getAsInt();
        return new RawCandidates(boxes, scores, labels);
    }

    static List<String> strings(JsonElement e) {
        List<String> out = new ArrayList<>();
        for (JsonElement x : e.getAsJsonArray()) out.add(x.getAsString());
        return out;
    }
}
