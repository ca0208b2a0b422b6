package io.boxwork.engine.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.boxwork.annotations.model.AnchorSettings;
import io.boxwork.engine.inference.DetectorSpec;

import java.util.ArrayList;
import java.util.List;

/** {@code config.json} of a run, also stored inside each checkpoint. */
public final class TrainConfigJson {
    private TrainConfigJson() {
    }

    public static JsonObject toJson(TrainConfig c) {
        JsonObject o = new JsonObject();
        o.addProperty("backbone", c.backbone());
        o.addProperty("trainable_layers", c.trainableLayers());
        o.addProperty("start", c.start().describe());
        o.addProperty("epochs", c.epochs());
        o.addProperty("batch_size", c.batchSize());
        o.addProperty("lr", c.learningRate());
        o.addProperty("momentum", c.momentum());
        o.addProperty("weight_decay", c.weightDecay());
        o.addProperty("warmup_iterations", c.warmup().iterations());
        o.addProperty("warmup_factor", c.warmup().startFactor());
        JsonObject s = new JsonObject();
        s.addProperty("kind", c.schedule().kind());
        if (c.schedule() instanceof LrSchedule.Step step) {
            JsonArray m = new JsonArray();
            step.milestoneEpochs().forEach(m::add);
            s.add("milestones", m);
            s.addProperty("gamma", step.gamma());
        } else if (c.schedule() instanceof LrSchedule.Cosine cos) {
            s.addProperty("min_factor", cos.minFactor());
        }
        o.add("schedule", s);
        o.addProperty("clip_norm", c.clipNorm());
        JsonObject a = new JsonObject();
        JsonArray sizes = new JsonArray();
        for (List<Integer> level : c.anchors().sizes()) {
            JsonArray l = new JsonArray();
            level.forEach(l::add);
            sizes.add(l);
        }
        a.add("sizes", sizes);
        JsonArray ratios = new JsonArray();
        c.anchors().aspectRatios().forEach(ratios::add);
        a.add("aspect_ratios", ratios);
        a.addProperty("min_size", c.anchors().minSize());
        a.addProperty("max_size", c.anchors().maxSize());
        o.add("anchors", a);
        o.addProperty("patience", c.patience());
        o.addProperty("eval_every", c.evalEvery());
        o.addProperty("seed", c.seed());
        o.addProperty("device", c.device());
        o.addProperty("augment_flip", c.augmentFlip());
        // torchvision's keyword names, so the run reads as the constructor call it corresponds to.
        DetectorSpec.ProposalBudget p = c.proposals();
        JsonObject proposals = new JsonObject();
        proposals.addProperty("rpn_pre_nms_top_n_train", p.preNmsTopNTrain());
        proposals.addProperty("rpn_pre_nms_top_n_test", p.preNmsTopNTest());
        proposals.addProperty("rpn_post_nms_top_n_train", p.postNmsTopNTrain());
        proposals.addProperty("rpn_post_nms_top_n_test", p.postNmsTopNTest());
        proposals.addProperty("rpn_batch_size_per_image", p.rpnBatchSizePerImage());
        proposals.addProperty("box_batch_size_per_image", p.boxBatchSizePerImage());
        o.add("proposals", proposals);
        return o;
    }

    public static TrainConfig fromJson(JsonObject o) {
        JsonObject s = o.getAsJsonObject("schedule");
        LrSchedule schedule = switch (s.get("kind").getAsString()) {
            case "constant" -> new LrSchedule.Constant();
            case "step" -> {
                List<Integer> m = new ArrayList<>();
                for (JsonElement e : s.getAsJsonArray("milestones")) m.add(e.getAsInt());
                yield new LrSchedule.Step(m, s.get("gamma").getAsDouble());
            }
            case "cosine" -> new LrSchedule.Cosine(s.get("min_factor").getAsDouble());
            default -> throw new IllegalArgumentException("unknown schedule kind '" + s.get("kind").getAsString() + "'");
        };
        JsonObject a = o.getAsJsonObject("anchors");
        List<List<Integer>> sizes = new ArrayList<>();
        for (JsonElement level : a.getAsJsonArray("sizes")) {
            List<Integer> l = new ArrayList<>();
            for (JsonElement e : level.getAsJsonArray()) l.add(e.getAsInt());
            sizes.add(l);
        }
        List<Double> ratios = new ArrayList<>();
        for (JsonElement e : a.getAsJsonArray("aspect_ratios")) ratios.add(e.getAsDouble());
        AnchorSettings anchors = new AnchorSettings(sizes, ratios, a.get("min_size").getAsInt(), a.get("max_size").getAsInt());
        return new TrainConfig(o.get("backbone").getAsString(), o.get("trainable_layers").getAsInt(),
            StartingPoint.parse(o.get("start").getAsString()), o.get("epochs").getAsInt(), o.get("batch_size").getAsInt(),
            o.get("lr").getAsDouble(), o.get("momentum").getAsDouble(), o.get("weight_decay").getAsDouble(),
            new Warmup(o.get("warmup_iterations").getAsInt(), o.get("warmup_factor").getAsDouble()), schedule,
            o.get("clip_norm").getAsDouble(), anchors, o.get("patience").getAsInt(), o.get("eval_every").getAsInt(),
            o.get("seed").getAsLong(), o.get("device").getAsString(), o.get("augment_flip").getAsBoolean(),
            proposals(o.getAsJsonObject("proposals")));
    }

    /** Runs written before the budget was recorded trained with torchvision's, unless the CLI was told otherwise. */
    private static DetectorSpec.ProposalBudget proposals(JsonObject p) {
        if (p == null) return DetectorSpec.ProposalBudget.torchvision();
        return new DetectorSpec.ProposalBudget(p.get("rpn_pre_nms_top_n_train").getAsInt(), p.get("rpn_pre_nms_top_n_test").getAsInt(),
            p.get("rpn_post_nms_top_n_train").getAsInt(), p.get("rpn_post_nms_top_n_test").getAsInt(),
            p.get("rpn_batch_size_per_image").getAsInt(), p.get("box_batch_size_per_image").getAsInt());
    }
}
