package io.boxwork.engine.weights;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies weights into a LibTorch module by state-dict name, as {@code load_state_dict} does:
 * each parameter and buffer the module registered is matched to the weight of the same name
 * (after {@link KeyMigration}) and overwritten in place, so optimizers holding the module's
 * tensors see the new values.
 */
public final class WeightLoader {

    private WeightLoader() {
    }

    /** Every key must match in name and shape; otherwise nothing is copied. */
    public static LoadReport loadStrict(Module module, StateDict weights) {
        return load(module, weights, LoadMode.STRICT, KeyFilter.everything(), "weights");
    }

    /** Reads the state dict of a .pth file (or the one a checkpoint nests) and loads it. */
    public static LoadReport loadFile(Module module, Path file, LoadMode mode, KeyFilter filter) throws IOException {
        return load(module, PthReader.readStateDict(file), mode, filter, file.toString());
    }

    /** Loads what matches among the keys {@code filter} accepts and reports the rest. */
    public static LoadReport loadPartial(Module module, StateDict weights, KeyFilter filter) {
        return load(module, weights, LoadMode.PARTIAL, filter, "weights");
    }

    /**
     * @param source names the weights in error messages (usually the file)
     * @throws WeightLoadException in {@link LoadMode#STRICT} when any accepted key is missing,
     *                             unexpected or of another shape; the module is then untouched
     */
    public static LoadReport load(Module module, StateDict weights, LoadMode mode, KeyFilter filter, String source) {
        Map<String, Tensor> model = StateDict.of(module).asMap();
        KeyMigration.Result migration = KeyMigration.towards(weights, model.keySet());

        List<String> loaded = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<LoadReport.ShapeMismatch> mismatched = new ArrayList<>();
        List<String> skipped = new ArrayList<>(migration.dropped());
        Map<String, Tensor> toCopy = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> entry : migration.weights().asMap().entrySet()) {
            String key = entry.getKey();
            Tensor target = model.get(key);
            if (!filter.accepts(key)) {
                skipped.add(key);
            } else if (target == null) {
                unexpected.add(key);
            } else {
                long[] fileShape = entry.getValue().sizes().vec().get();
                long[] modelShape = target.sizes().vec().get();
                if (Arrays.equals(fileShape, modelShape)) {
                    toCopy.put(key, entry.getValue());
                } else {
                    mismatched.add(new LoadReport.ShapeMismatch(key, boxed(fileShape), boxed(modelShape)));
                }
            }
        }
        List<String> missing = model.keySet().stream()
                .filter(filter::accepts)
                .filter(key -> !migration.weights().contains(key))
                .toList();

        if (mode == LoadMode.STRICT && (!missing.isEmpty() || !unexpected.isEmpty() || !mismatched.isEmpty())) {
            throw new WeightLoadException(source, new LoadReport(List.of(), missing, unexpected, mismatched, skipped, migration.renamed()));
        }
        try (NoGradGuard noGrad = new NoGradGuard()) {
            toCopy.forEach((key, tensor) -> {
                model.get(key).copy_(tensor);
                loaded.add(key);
            });
        }
        return new LoadReport(loaded, missing, unexpected, mismatched, skipped, migration.renamed());
    }

    private static List<Long> boxed(long[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
