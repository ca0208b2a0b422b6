package io.boxwork.engine.tensor;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Copies tensors into a module's parameters and buffers by state-dict key, refusing any key the
 * module lacks or leaves unfilled, so that a key-name mismatch with torchvision fails loudly.
 */
public final class WeightsByName {

    private WeightsByName() {
    }

    /** Every parameter and buffer of {@code module} by its state-dict key. */
    public static Map<String, Tensor> stateOf(Module module) {
        return NamedTensors.state(module);
    }

    /**
     * @param ignored keys of {@code weights} that the module need not have (e.g. torchvision's
     *                {@code num_batches_tracked})
     */
    public static void copyInto(Module module, Map<String, Tensor> weights, Set<String> ignored) {
        Map<String, Tensor> state = stateOf(module);
        Set<String> missing = new TreeSet<>(state.keySet());
        missing.removeAll(weights.keySet());
        Set<String> unexpected = new TreeSet<>(weights.keySet());
        unexpected.removeAll(state.keySet());
        unexpected.removeAll(ignored);
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new IllegalArgumentException("state dict does not match the module: missing " + missing
                    + ", unexpected " + unexpected);
        }
        try (NoGradGuard noGrad = new NoGradGuard()) {
            for (Map.Entry<String, Tensor> entry : state.entrySet()) {
                Tensor source = weights.get(entry.getKey());
                Tensor target = entry.getValue();
                if (!Arrays.equals(source.shape(), target.shape())) {
                    throw new IllegalArgumentException(entry.getKey() + ": file has shape "
                            + Arrays.toString(source.shape()) + ", module has " + Arrays.toString(target.shape()));
                }
                target.copy_(source);
            }
        }
    }
}
