package io.boxwork.engine.weights;

import org.bytedeco.pytorch.Tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link PthValue} trees from plain Java values, for checkpoints written from Java. */
public final class PthValues {

    private PthValues() {
    }

    /**
     * Maps keep their iteration order and become a plain {@code dict}; a {@link StateDict}
     * becomes an OrderedDict as torch writes one. Integers (int, long, short, byte) become
     * {@code int}, float / double become {@code float}.
     */
    public static PthValue of(Object value) {
        if (value == null) {
            return PthValue.None.INSTANCE;
        }
        if (value instanceof PthValue pth) {
            return pth;
        }
        if (value instanceof StateDict stateDict) {
            return stateDict.toPthValue();
        }
        if (value instanceof Tensor tensor) {
            return PthValue.TensorValue.of(tensor);
        }
        if (value instanceof String text) {
            return new PthValue.Str(text);
        }
        if (value instanceof Boolean bool) {
            return new PthValue.Bool(bool);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return new PthValue.Int(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof java.lang.Float) {
            return new PthValue.Float(((Number) value).doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            Map<PthValue, PthValue> entries = new LinkedHashMap<>();
            map.forEach((k, v) -> entries.put(of(k), of(v)));
            return new PthValue.Dict(entries, false);
        }
        if (value instanceof List<?> list) {
            return new PthValue.ListValue(list.stream().map(PthValues::of).toList());
        }
        throw new IllegalArgumentException("no Python equivalent for a " + value.getClass().getName());
    }
}
