package io.boxwork.engine.train;

import com.google.gson.JsonParser;
import io.boxwork.engine.weights.PthReader;
import io.boxwork.engine.weights.PthValue;
import io.boxwork.engine.weights.PthWriter;
import io.boxwork.engine.weights.StateDict;
import org.bytedeco.pytorch.Module;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code last.pth} / {@code best.pth}: a dict {@code torch.load} reads, with the model's state
 * dict under {@code model} (so {@code model.load_state_dict(ckpt["model"])} works in Python),
 * the optimizer in torch's layout, the progress counters, the schedule position and the run
 * configuration as JSON. Written atomically by the .pth writer.
 */
public final class CheckpointFile {
    public static final int FORMAT = 1;

    private CheckpointFile() {
    }

    /** What a checkpoint holds besides the tensors that go straight back into the model and optimizer. */
    public record Contents(TrainConfig config, TrainingProgress progress, List<String> classNames, PthValue.Dict optimizer,
                           StateDict model) {
    }

    public static void write(Path file, Module model, SgdOptimizer optimizer, TrainConfig config, TrainingProgress progress,
                             List<String> classNames, double lr) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", ModelState.stateDict(model));
        root.put("optimizer", optimizer.stateDict(lr));
        root.put("epoch", progress.epochsDone());
        root.put("iteration", progress.nextIteration());
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("kind", config.schedule().kind());
        schedule.put("last_iteration", progress.nextIteration());
        schedule.put("lr", lr);
        root.put("lr_scheduler", schedule);
        root.put("best_map50", progress.bestMap50());
        root.put("epochs_without_improvement", progress.epochsWithoutImprovement());
        root.put("evaluated_epochs", progress.evaluatedEpochs());
        // Every random draw of a step is seeded from (seed, iteration), so the seed is the whole RNG state.
        root.put("rng_seed", config.seed());
        root.put("classes", classNames);
        root.put("config", io.boxwork.annotations.storage.JsonFiles.toCompactJson(TrainConfigJson.toJson(config)));
        root.put("boxwork_checkpoint", FORMAT);
        PthWriter.writeCheckpoint(file, root);
    }

    public static Contents read(Path file) throws IOException {
        return parse(file, PthReader.read(file));
    }

    /** Whether a .pth file's content is a Boxwork training checkpoint (rather than a bare state dict). */
    public static boolean isCheckpoint(PthValue root) {
        return root instanceof PthValue.Dict dict && dict.get("boxwork_checkpoint").isPresent();
    }

    public static Contents parse(Path file, PthValue root) throws IOException {
        if (!(root instanceof PthValue.Dict dict) || dict.get("boxwork_checkpoint").isEmpty()) {
            throw new IOException(file + ": not a Boxwork training checkpoint (no 'boxwork_checkpoint' key)");
        }
        try {
            TrainConfig config = TrainConfigJson.fromJson(JsonParser.parseString(str(dict, "config")).getAsJsonObject());
            TrainingProgress progress = new TrainingProgress(integer(dict, "iteration"), (int) integer(dict, "epoch"),
                number(dict, "best_map50"), (int) integer(dict, "epochs_without_improvement"), (int) integer(dict, "evaluated_epochs"));
            List<String> classes = ((PthValue.ListValue) dict.get("classes").orElseThrow()).items().stream()
                .map(v -> ((PthValue.Str) v).value()).toList();
            PthValue.Dict optimizer = (PthValue.Dict) dict.get("optimizer").orElseThrow();
            StateDict model = StateDict.from(dict).orElseThrow();
            return new Contents(config, progress, classes, optimizer, model);
        } catch (RuntimeException e) {
            throw new IOException(file + ": damaged checkpoint: " + e, e);
        }
    }

    private static String str(PthValue.Dict d, String key) {
        return ((PthValue.Str) d.get(key).orElseThrow(() -> new IllegalArgumentException("no '" + key + "'"))).value();
    }

    private static long integer(PthValue.Dict d, String key) {
        return ((PthValue.Int) d.get(key).orElseThrow(() -> new IllegalArgumentException("no '" + key + "'"))).value();
    }

    private static double number(PthValue.Dict d, String key) {
        PthValue v = d.get(key).orElseThrow(() -> new IllegalArgumentException("no '" + key + "'"));
        if (v instanceof PthValue.Float f) return f.value();
        return ((PthValue.Int) v).value();
    }
}
