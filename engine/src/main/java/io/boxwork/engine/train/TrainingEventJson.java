package io.boxwork.engine.train;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** One line of {@code metrics.jsonl} per event, readable back (the curves of a resumed run start from it). */
public final class TrainingEventJson {
    private TrainingEventJson() {
    }

    public static JsonObject toJson(TrainingEvent event) {
        JsonObject o = new JsonObject();
        if (event instanceof TrainingEvent.Iteration it) {
            o.addProperty("type", "iteration");
            o.addProperty("epoch", it.epoch());
            o.addProperty("iteration", it.iteration());
            o.addProperty("total_iterations", it.totalIterations());
            JsonObject parts = new JsonObject();
            it.lossParts().forEach((k, v) -> addNumber(parts, k, v));
            o.add("losses", parts);
            addNumber(o, "loss", it.total());
            o.addProperty("lr", it.lr());
            addNumber(o, "images_per_second", it.imagesPerSecond());
            o.addProperty("eta_seconds", it.eta().toSeconds());
        } else if (event instanceof TrainingEvent.Evaluation ev) {
            o.addProperty("type", "evaluation");
            o.addProperty("epoch", ev.epoch());
            EvaluationMetrics m = ev.metrics();
            addNumber(o, "map50", m.map50());
            addNumber(o, "map", m.map());
            JsonObject per = new JsonObject();
            m.perClassAp().forEach((k, v) -> addNumber(per, k, v));
            o.add("per_class_ap50", per);
            addNumber(o, "val_loss", m.valLoss());
            o.addProperty("images", m.images());
        } else if (event instanceof TrainingEvent.Checkpoint cp) {
            o.addProperty("type", "checkpoint");
            o.addProperty("kind", cp.kind().name().toLowerCase());
            o.addProperty("path", cp.path().toString());
            o.addProperty("epoch", cp.epoch());
            o.addProperty("iteration", cp.iteration());
        } else if (event instanceof TrainingEvent.Finished f) {
            o.addProperty("type", "finished");
            o.addProperty("reason", f.reason().name().toLowerCase());
            o.addProperty("epochs_done", f.epochsDone());
            o.addProperty("iterations", f.iterations());
            addNumber(o, "best_map50", f.bestMap50());
            o.addProperty("run_dir", f.runDir().toString());
        } else if (event instanceof TrainingEvent.Failed f) {
            o.addProperty("type", "failed");
            o.addProperty("reason", f.reason());
            o.addProperty("epoch", f.epoch());
            o.addProperty("iteration", f.iteration());
        }
        return o;
    }

    public static TrainingEvent fromJson(JsonObject o) {
        String type = o.get("type").getAsString();
        return switch (type) {
            case "iteration" -> {
                Map<String, Double> parts = new LinkedHashMap<>();
                o.getAsJsonObject("losses").entrySet().forEach(e -> parts.put(e.getKey(), number(o.getAsJsonObject("losses"), e.getKey())));
                yield new TrainingEvent.Iteration(o.get("epoch").getAsInt(), o.get("iteration").getAsLong(),
                    o.get("total_iterations").getAsLong(), parts, number(o, "loss"), o.get("lr").getAsDouble(),
                    number(o, "images_per_second"), Duration.ofSeconds(o.get("eta_seconds").getAsLong()));
            }
            case "evaluation" -> {
                Map<String, Double> per = new LinkedHashMap<>();
                JsonObject p = o.getAsJsonObject("per_class_ap50");
                p.entrySet().forEach(e -> per.put(e.getKey(), number(p, e.getKey())));
                yield new TrainingEvent.Evaluation(o.get("epoch").getAsInt(), new EvaluationMetrics(number(o, "map50"),
                    number(o, "map"), per, number(o, "val_loss"), o.get("images").getAsInt()));
            }
            case "checkpoint" -> new TrainingEvent.Checkpoint(Path.of(o.get("path").getAsString()),
                TrainingEvent.CheckpointKind.valueOf(o.get("kind").getAsString().toUpperCase()), o.get("epoch").getAsInt(),
                o.get("iteration").getAsLong());
            case "finished" -> new TrainingEvent.Finished(TrainingEvent.FinishReason.valueOf(o.get("reason").getAsString().toUpperCase()),
                o.get("epochs_done").getAsInt(), o.get("iterations").getAsLong(), number(o, "best_map50"),
                Path.of(o.get("run_dir").getAsString()));
            case "failed" -> new TrainingEvent.Failed(o.get("reason").getAsString(), o.get("epoch").getAsInt(), o.get("iteration").getAsLong());
            default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
        };
    }

    /** JSON has no NaN or infinity: they are written as strings so the line stays valid JSON. */
    private static void addNumber(JsonObject o, String key, double v) {
        if (Double.isFinite(v)) o.addProperty(key, v);
        else o.addProperty(key, Double.isNaN(v) ? "NaN" : (v > 0 ? "Infinity" : "-Infinity"));
    }

    private static double number(JsonObject o, String key) {
        var e = o.get(key);
        if (e.getAsJsonPrimitive().isString()) return Double.parseDouble(e.getAsString());
        return e.getAsDouble();
    }
}
