package io.boxwork.engine.weights;

import org.bytedeco.pytorch.Tensor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code .pth} file holds once unpickled: the Python objects {@code torch.save} writes for
 * state dicts and checkpoints, as a closed set of immutable values. Anything else the file
 * pickles (an {@code argparse.Namespace} in a training checkpoint, say) becomes {@link Opaque}
 * rather than failing the whole read, because the tensors next to it are what the user wants.
 */
public sealed interface PthValue {

    /** A {@code dict}, or a {@code collections.OrderedDict} when {@code ordered}; keys keep file order. */
    record Dict(Map<PthValue, PthValue> entries, boolean ordered) implements PthValue {
        public Dict {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public Optional<PthValue> get(String key) {
            return Optional.ofNullable(entries.get(new Str(key)));
        }

        public Optional<PthValue> get(long key) {
            return Optional.ofNullable(entries.get(new Int(key)));
        }
    }

    record ListValue(List<PthValue> items) implements PthValue {
        public ListValue {
            items = List.copyOf(items);
        }
    }

    record TupleValue(List<PthValue> items) implements PthValue {
        public TupleValue {
            items = List.copyOf(items);
        }
    }

    record Int(long value) implements PthValue {
    }

    record Float(double value) implements PthValue {
    }

    record Str(String value) implements PthValue {
    }

    record Bool(boolean value) implements PthValue {
    }

    /** Python's {@code None}. */
    record None() implements PthValue {
        public static final None INSTANCE = new None();
    }

    /** A {@code torch.device}, e.g. {@code "cpu"} or {@code "cuda:0"}. */
    record Device(String name) implements PthValue {
    }

    /**
     * A tensor, always on the CPU. Tensors read from one storage of the file are views of one
     * LibTorch storage, with the file's sizes, strides and offset.
     *
     * @param parameter true when the file pickled a {@code torch.nn.Parameter}
     */
    record TensorValue(Tensor tensor, boolean requiresGrad, boolean parameter) implements PthValue {
        public static TensorValue of(Tensor tensor) {
            return new TensorValue(tensor, false, false);
        }
    }

    /** An object of a class this reader does not rebuild; {@code type} is its {@code module.name}. */
    record Opaque(String type) implements PthValue {
    }
}
