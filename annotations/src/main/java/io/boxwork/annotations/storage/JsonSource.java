package io.boxwork.annotations.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed JSON file that remembers its text, so that a value of the wrong shape can be
 * reported with the line and column where it stands, not only with its JSON path.
 */
public final class JsonSource {
    private static final Pattern LOCATION = Pattern.compile("line (\\d+) column (\\d+)");

    private final Path file;
    private final String text;
    private final JsonElement root;

    private JsonSource(Path file, String text, JsonElement root) {
        this.file = file;
        this.text = text;
        this.root = root;
    }

    public static JsonSource read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return new JsonSource(file, text, JsonFiles.parse(file, text));
    }

    public static JsonSource of(Path file, String text) throws MalformedFileException {
        return new JsonSource(file, text, JsonFiles.parse(file, text));
    }

    public Path file() {
        return file;
    }

    public JsonElement root() {
        return root;
    }

    public JsonObject rootObject() throws MalformedFileException {
        return object(root, "$");
    }

    public JsonObject object(JsonElement e, String path) throws MalformedFileException {
        if (e == null || !e.isJsonObject()) throw error(path, "expected an object");
        return e.getAsJsonObject();
    }

    public JsonArray array(JsonObject o, String name, String path) throws MalformedFileException {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonArray()) throw error(path + "." + name, "expected a list");
        return e.getAsJsonArray();
    }

    public JsonArray optionalArray(JsonObject o, String name, String path) throws MalformedFileException {
        if (!o.has(name) || o.get(name).isJsonNull()) return new JsonArray();
        return array(o, name, path);
    }

    public String string(JsonObject o, String name, String path) throws MalformedFileException {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw error(path + "." + name, "expected a text value");
        }
        return e.getAsString();
    }

    public String optionalString(JsonObject o, String name, String path, String fallback) throws MalformedFileException {
        if (!o.has(name) || o.get(name).isJsonNull()) return fallback;
        return string(o, name, path);
    }

    public double number(JsonElement e, String path) throws MalformedFileException {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw error(path, "expected a number");
        double v = e.getAsDouble();
        if (!Double.isFinite(v)) throw error(path, "expected a finite number");
        return v;
    }

    public double number(JsonObject o, String name, String path) throws MalformedFileException {
        return number(o.get(name), path + "." + name);
    }

    public double optionalNumber(JsonObject o, String name, String path, double fallback) throws MalformedFileException {
        if (!o.has(name) || o.get(name).isJsonNull()) return fallback;
        return number(o, name, path);
    }

    public long integer(JsonElement e, String path) throws MalformedFileException {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw error(path, "expected a whole number");
        JsonPrimitive p = e.getAsJsonPrimitive();
        try {
            return p.getAsBigDecimal().longValueExact();
        } catch (ArithmeticException notWhole) {
            throw error(path, "expected a whole number, found " + p.getAsString());
        }
    }

    public long integer(JsonObject o, String name, String path) throws MalformedFileException {
        return integer(o.get(name), path + "." + name);
    }

    public long optionalInteger(JsonObject o, String name, String path, long fallback) throws MalformedFileException {
        if (!o.has(name) || o.get(name).isJsonNull()) return fallback;
        return integer(o, name, path);
    }

    public boolean optionalBoolean(JsonObject o, String name, String path, boolean fallback) throws MalformedFileException {
        if (!o.has(name) || o.get(name).isJsonNull()) return fallback;
        JsonElement e = o.get(name);
        if (!e.isJsonPrimitive()) throw error(path + "." + name, "expected true or false");
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) return p.getAsBoolean();
        if (p.isNumber()) return p.getAsInt() != 0;
        throw error(path + "." + name, "expected true or false");
    }

    /** An error at a JSON path, with the line and column of that value when it can be found. */
    public MalformedFileException error(String path, String problem) {
        int[] lc = locate(path);
        return new MalformedFileException(file, lc[0], lc[1], path, problem);
    }

    private int[] locate(String path) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            while (reader.peek() != JsonToken.END_DOCUMENT) {
                JsonToken token = reader.peek();
                if (!path.equals("$") && reader.getPath().equals(path) && token != JsonToken.END_OBJECT
                    && token != JsonToken.END_ARRAY && token != JsonToken.NAME) {
                    return position(reader);
                }
                switch (token) {
                    case BEGIN_OBJECT -> reader.beginObject();
                    case END_OBJECT -> reader.endObject();
                    case BEGIN_ARRAY -> reader.beginArray();
                    case END_ARRAY -> reader.endArray();
                    case NAME -> {
                        reader.nextName();
                        if (reader.getPath().equals(path)) return position(reader);
                    }
                    default -> reader.skipValue();
                }
            }
        } catch (IOException | IllegalStateException e) {
            return new int[] {0, 0};
        }
        return path.equals("$") ? new int[] {1, 1} : new int[] {0, 0};
    }

    private static int[] position(JsonReader reader) {
        Matcher m = LOCATION.matcher(reader.toString());
        if (m.find()) return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        return new int[] {0, 0};
    }
}
