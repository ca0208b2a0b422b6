package io.boxwork.engine.weights;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects that live on the unpickler's stack and memo before the result is frozen into
 * {@link PthValue}s: containers stay mutable because SETITEMS / APPENDS fill them after they
 * were memoised and referenced.
 */
final class PickleObjects {

    private PickleObjects() {
    }

    static final Object MARK = new Object() {
        @Override
        public String toString() {
            return "MARK";
        }
    };

    static final class PyDict {
        final LinkedHashMap<Object, Object> entries = new LinkedHashMap<>();
        final boolean ordered;

        PyDict(boolean ordered) {
            this.ordered = ordered;
        }
    }

    static final class PyList {
        final List<Object> items = new ArrayList<>();
    }

    record PyTuple(List<Object> items) {
        Object get(int index) {
            return items.get(index);
        }

        int size() {
            return items.size();
        }
    }

    /** A {@code module.name} reference from GLOBAL, called later by REDUCE. */
    record GlobalRef(String module, String name) {
        String qualifiedName() {
            return module + "." + name;
        }
    }

    /** One storage of the file as a 1-D tensor of its dtype; tensors are strided views of it. */
    record StorageRef(org.bytedeco.pytorch.Tensor elements, StorageType type, String key) {
    }

    /** Turns the unpickled graph into immutable values; shared containers stay shared. */
    static PthValue freeze(Object raw) {
        return new Freezer().freeze(raw);
    }

    private static final class Freezer {
        private final Map<Object, PthValue> done = new IdentityHashMap<>();

        PthValue freeze(Object raw) {
            if (raw instanceof PthValue value) {
                return value;
            }
            PthValue cached = done.get(raw);
            if (cached != null) {
                return cached;
            }
            PthValue frozen;
            if (raw instanceof PyDict dict) {
                Map<PthValue, PthValue> entries = new LinkedHashMap<>();
                dict.entries.forEach((k, v) -> entries.put(freeze(k), freeze(v)));
                frozen = new PthValue.Dict(entries, dict.ordered);
            } else if (raw instanceof PyList list) {
                frozen = new PthValue.ListValue(list.items.stream().map(this::freeze).toList());
            } else if (raw instanceof PyTuple tuple) {
                frozen = new PthValue.TupleValue(tuple.items().stream().map(this::freeze).toList());
            } else if (raw instanceof GlobalRef global) {
                frozen = new PthValue.Opaque(global.qualifiedName());
            } else if (raw instanceof StorageRef storage) {
                frozen = PthValue.TensorValue.of(storage.elements());
            } else {
                frozen = new PthValue.Opaque(String.valueOf(raw));
            }
            done.put(raw, frozen);
            return frozen;
        }
    }
}
