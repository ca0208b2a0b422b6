package io.boxwork.annotations.storage;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads JSON with the position of any error, and writes it atomically. */
public final class JsonFiles {
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();
    private static final Pattern POSITION = Pattern.compile("line (\\d+) column (\\d+)(?: path (\\S+))?");

    private JsonFiles() {
    }

    public static JsonElement read(Path file) throws IOException {
        return parse(file, Files.readString(file, StandardCharsets.UTF_8));
    }

    public static JsonElement parse(Path file, String text) throws MalformedFileException {
        try (Reader r = new StringReader(text)) {
            JsonReader reader = new JsonReader(r);
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = JsonParser.parseReader(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new MalformedFileException(file, 0, 0, "", "unexpected content after the JSON document");
            }
            return root;
        } catch (JsonParseException | IllegalStateException e) {
            throw positioned(file, e);
        } catch (IOException e) {
            throw positioned(file, e);
        }
    }

    public static String toPrettyJson(JsonElement element) {
        return PRETTY.toJson(element) + "\n";
    }

    public static String toCompactJson(JsonElement element) {
        return COMPACT.toJson(element);
    }

    public static void writePretty(Path file, JsonElement element) throws IOException {
        AtomicFiles.writeString(file, toPrettyJson(element));
    }

    private static MalformedFileException positioned(Path file, Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !POSITION.matcher(message).find()) message = cause.getMessage();
        Matcher m = POSITION.matcher(message);
        if (m.find()) {
            return new MalformedFileException(file, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? "" : m.group(3), JsonProblems.describe(message.substring(0, m.start())));
        }
        return new MalformedFileException(file, 0, 0, "", JsonProblems.describe(message));
    }
}
