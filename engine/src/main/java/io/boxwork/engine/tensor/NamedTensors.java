package io.boxwork.engine.tensor;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.StringTensorDict;
import org.bytedeco.pytorch.Tensor;

import java.lang.ref.Reference;
import java.util.LinkedHashMap;

/**
 * A module's parameters and buffers by state-dict key, as handles the caller owns.
 *
 * <p>{@code named_parameters()} returns a native dict whose items hand out tensors <em>by
 * reference into the dict</em>: once the dict is collected they dangle (a crash, not an
 * exception). These maps hold copied handles instead, which share the module's storage, so
 * {@code copy_} into them or {@code requires_grad_} on them acts on the module itself.
 */
public final class NamedTensors {

    private NamedTensors() {
    }

    public static LinkedHashMap<String, Tensor> parameters(Module module) {
        return owned(module.named_parameters());
    }

    public static LinkedHashMap<String, Tensor> buffers(Module module) {
        return owned(module.named_buffers());
    }

    /** Parameters then buffers: the keys of the module's state dict. */
    public static LinkedHashMap<String, Tensor> state(Module module) {
        LinkedHashMap<String, Tensor> state = parameters(module);
        state.putAll(buffers(module));
        return state;
    }

    private static LinkedHashMap<String, Tensor> owned(StringTensorDict dict) {
        LinkedHashMap<String, Tensor> tensors = new LinkedHashMap<>();
        for (long i = 0; i < dict.size(); i++) {
            tensors.put(dict.get(i).key().getString(), new Tensor(dict.get(i).value()));
        }
        Reference.reachabilityFence(dict);
        return tensors;
    }
}
