package io.boxwork.engine.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.google.gson.ToNumberPolicy;

import java.io.PrintWriter;

/** One JSON document on stdout for {@code --json}; NaN and infinities become strings so it stays valid JSON. */
final class JsonOut {
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
        .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
        .registerTypeAdapter(Double.class, (com.google.gson.JsonSerializer<Double>) (v, t, c) ->
            Double.isFinite(v) ? new JsonPrimitive(v) : new JsonPrimitive(v.toString()))
        .registerTypeAdapter(double.class, (com.google.gson.JsonSerializer<Double>) (v, t, c) ->
            Double.isFinite(v) ? new JsonPrimitive(v) : new JsonPrimitive(v.toString()))
        .create();

    private JsonOut() {
    }

    static void print(PrintWriter out, JsonElement json) {
        out.println(GSON.toJson(json));
        out.flush();
    }

    static JsonElement tree(Object value) {
        return GSON.toJsonTree(value);
    }

    static JsonPrimitive number(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : new JsonPrimitive(Double.toString(v));
    }
}
