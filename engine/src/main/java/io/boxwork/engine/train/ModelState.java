package io.boxwork.engine.train;

import io.boxwork.engine.weights.StateDict;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Copies a state dict into a model's own tensors, by name, with every mismatch reported. */
public final class ModelState {
    private ModelState() {
    }

    /** Which model keys got a value and which the file did not have. */
    public record LoadReport(int loaded, List<String> missing, List<String> unexpected) {
    }

    /** The model's parameters and buffers under torch's state-dict names, in torch's order. */
    public static StateDict stateDict(Module model) {
        return StateDict.of(model);
    }

    /**
     * Copies every file tensor whose name the model has. A shape mismatch is always an error;
     * with {@code strict}, so is a key missing on either side.
     */
    public static LoadReport load(Module model, StateDict file, boolean strict, String where) {
        StateDict own = stateDict(model);
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        int loaded = 0;
        try (NoGradGuard noGrad = new NoGradGuard()) {
            for (Map.Entry<String, Tensor> e : own.asMap().entrySet()) {
                Tensor source = file.get(e.getKey()).orElse(null);
                if (source == null) {
                    missing.add(e.getKey());
                    continue;
                }
                Tensor target = e.getValue();
                long[] want = target.sizes().vec().get();
                long[] have = source.sizes().vec().get();
                if (!Arrays.equals(want, have)) {
                    throw new IllegalArgumentException(where + ": " + e.getKey() + " has shape " + Arrays.toString(have)
                        + " in the file but " + Arrays.toString(want) + " in the model");
                }
                target.copy_(source);
                loaded++;
            }
        }
        for (String k : file.keys()) if (!own.contains(k)) unexpected.add(k);
        if (strict && (!missing.isEmpty() || !unexpected.isEmpty())) {
            throw new IllegalArgumentException(where + ": weights do not fit the model: " + missing.size() + " missing (e.g. "
                + first(missing) + "), " + unexpected.size() + " unexpected (e.g. " + first(unexpected) + ")");
        }
        return new LoadReport(loaded, List.copyOf(missing), List.copyOf(unexpected));
    }

    private static String first(List<String> keys) {
        return keys.isEmpty() ? "none" : keys.get(0);
    }
}
