package io.boxwork.annotations.formats;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.boxwork.annotations.storage.MalformedFileException;

import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * One element of a streamed JSON list, with typed accessors whose errors name the file, the line
 * the element starts on and the JSON path of the bad value.
 */
record JsonItem(Path file, JsonElement element, String path, int index, int line) {

    MalformedFileException error(String member, String problem) {
        return new MalformedFileException(file, line, 0, member.isEmpty() ? path : path + "." + member, problem);
    }

    JsonObject object() throws MalformedFileException {
        if (!element.isJsonObject()) throw error("", "expected an object");
        return element.getAsJsonObject();
    }

    boolean has(String name) throws MalformedFileException {
        JsonElement e = object().get(name);
        return e != null && !e.isJsonNull();
    }

    String string(String name) throws MalformedFileException {
        JsonElement e = object().get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) throw error(name, "expected a text value");
        return e.getAsString();
    }

    long optionalInteger(String name, long fallback) throws MalformedFileException {
        if (!has(name)) return fallback;
        JsonElement e = object().get(name);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw error(name, "expected a whole number");
        try {
            return e.getAsBigDecimal().longValueExact();
        } catch (ArithmeticException | NumberFormatException notWhole) {
            throw error(name, "expected a whole number, found " + e.getAsString());
        }
    }

    double number(JsonElement e, String member) throws MalformedFileException {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw error(member, "expected a number");
        double v;
        try {
            v = e.getAsDouble();
        } catch (NumberFormatException notANumber) {
            throw error(member, "expected a number, found " + e.getAsString());
        }
        if (!Double.isFinite(v)) throw error(member, "expected a finite number");
        return v;
    }

    JsonArray array(String name) throws MalformedFileException {
        JsonElement e = object().get(name);
        if (e == null || !e.isJsonArray()) throw error(name, "expected a list");
        return e.getAsJsonArray();
    }

    boolean optionalFlag(String name) throws MalformedFileException {
        if (!has(name)) return false;
        JsonElement e = object().get(name);
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isBoolean()) return p.getAsBoolean();
            if (p.isNumber()) return p.getAsDouble() != 0;
        }
        throw error(name, "expected 0, 1, true or false");
    }

    /** An id as canonical decimal text, so ids of any size compare right (or the text itself when a tool wrote ids as strings). */
    String id(String name) throws MalformedFileException {
        JsonElement e = object().get(name);
        if (e != null && e.isJsonPrimitive()) {
            JsonPrimitive prim = e.getAsJsonPrimitive();
            if (prim.isString() && !prim.getAsString().isBlank()) return prim.getAsString();
            if (prim.isNumber()) {
                try {
                    BigDecimal value = prim.getAsBigDecimal();
                    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
                } catch (NumberFormatException notANumber) {
                    throw error(name, "expected an id, found " + prim.getAsString());
                }
            }
        }
        throw error(name, "expected an id (a number)");
    }
}
