package io.boxwork.engine.weights;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.StringSharedModuleDict;
import org.bytedeco.pytorch.StringTensorDict;
import org.bytedeco.pytorch.Tensor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Tensors by their dotted state-dict name ({@code backbone.body.layer1.0.conv1.weight}), in the
 * order PyTorch lists them: each module's own parameters, then its own buffers, modules in
 * registration order.
 */
public final class StateDict {

    /** Keys under which checkpoints commonly nest the model's state dict, tried in this order. */
    public static final List<String> CHECKPOINT_MODEL_KEYS = List.of("model", "state_dict", "model_state_dict", "model_state");

    private final Map<String, Tensor> tensors;

    public StateDict(Map<String, Tensor> tensors) {
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /** The module's parameters and buffers; the tensors are the module's own, not copies. */
    public static StateDict of(Module module) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        StringSharedModuleDict modules = module.named_modules();
        for (int i = 0; i < modules.size(); i++) {
            String prefix = text(modules.get(i).key());
            Module part = modules.get(i).value();
            String dotted = prefix.isEmpty() ? "" : prefix + ".";
            addAll(tensors, dotted, part.named_parameters(false));
            addAll(tensors, dotted, part.named_buffers(false));
        }
        return new StateDict(tensors);
    }

    // the bindings hand back an empty std::string (the root module's name) as null
    private static String text(BytePointer nativeString) {
        return nativeString == null ? "" : nativeString.getString();
    }

    /** Owning handles: the dict's own entries die with the dict, before the caller is done with them. */
    private static void addAll(Map<String, Tensor> into, String prefix, StringTensorDict named) {
        for (int i = 0; i < named.size(); i++) {
            into.put(prefix + text(named.get(i).key()), new Tensor(named.get(i).value()));
        }
    }

    /**
     * The state dict in what a .pth file held: the root itself when it maps names to tensors,
     * else the first of {@link #CHECKPOINT_MODEL_KEYS} that does.
     */
    public static Optional<StateDict> from(PthValue root) {
        Optional<StateDict> direct = fromTensorDict(root);
        if (direct.isPresent() || !(root instanceof PthValue.Dict dict)) {
            return direct;
        }
        for (String key : CHECKPOINT_MODEL_KEYS) {
            Optional<StateDict> nested = dict.get(key).flatMap(StateDict::fromTensorDict);
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
    }

    private static Optional<StateDict> fromTensorDict(PthValue value) {
        if (!(value instanceof PthValue.Dict dict) || dict.entries().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<PthValue, PthValue> entry : dict.entries().entrySet()) {
            if (!(entry.getKey() instanceof PthValue.Str name) || !(entry.getValue() instanceof PthValue.TensorValue tensor)) {
                return Optional.empty();
            }
            tensors.put(name.value(), tensor.tensor());
        }
        return Optional.of(new StateDict(tensors));
    }

    /** As torch.save writes {@code module.state_dict()}: an OrderedDict of plain tensors. */
    public PthValue.Dict toPthValue() {
        Map<PthValue, PthValue> entries = new LinkedHashMap<>();
        tensors.forEach((name, tensor) -> entries.put(new PthValue.Str(name), PthValue.TensorValue.of(tensor)));
        return new PthValue.Dict(entries, true);
    }

    public Map<String, Tensor> asMap() {
        return tensors;
    }

    public Set<String> keys() {
        return tensors.keySet();
    }

    public Optional<Tensor> get(String key) {
        return Optional.ofNullable(tensors.get(key));
    }

    public boolean contains(String key) {
        return tensors.containsKey(key);
    }

    public int size() {
        return tensors.size();
    }

    /** Keys for which {@code keep} holds, order kept. */
    public StateDict filtered(Predicate<String> keep) {
        Map<String, Tensor> kept = new LinkedHashMap<>();
        tensors.forEach((name, tensor) -> {
            if (keep.test(name)) {
                kept.put(name, tensor);
            }
        });
        return new StateDict(kept);
    }

    /** Every key passed through {@code rename}; two keys renamed to one is an error. */
    public StateDict renamed(UnaryOperator<String> rename) {
        Map<String, Tensor> result = new LinkedHashMap<>();
        tensors.forEach((name, tensor) -> {
            String renamed = rename.apply(name);
            if (result.put(renamed, tensor) != null) {
                throw new IllegalArgumentException("two keys renamed to " + renamed + " (one of them " + name + ")");
            }
        });
        return new StateDict(result);
    }

    @Override
    public String toString() {
        return "StateDict(" + tensors.size() + " tensors)";
    }
}
