package io.boxwork.annotations.formats;

import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;

/** Coordinates written as short as they were meant: 12.5, not 12.500000190734863. */
final class JsonNumbers {
    private JsonNumbers() {
    }

    /**
     * Boxes live in the project as floats, so float precision is all a coordinate has: writing the
     * shortest decimal that reads back as the same float keeps round trips exact and files legible.
     */
    static JsonPrimitive coordinate(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return new JsonPrimitive((long) v);
        return new JsonPrimitive(new BigDecimal(Float.toString((float) v)));
    }
}
