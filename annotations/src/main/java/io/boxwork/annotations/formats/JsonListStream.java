package io.boxwork.annotations.formats;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.boxwork.annotations.storage.JsonProblems;
import io.boxwork.annotations.storage.MalformedFileException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JSON object whose members are long lists one element at a time, so a file of hundreds
 * of megabytes never sits in memory whole; each element comes with the line it starts on.
 */
final class JsonListStream implements AutoCloseable {
    private static final Pattern POSITION = Pattern.compile("line (\\d+) column (\\d+)");

    @FunctionalInterface
    interface ElementHandler {
        void accept(JsonItem item) throws IOException;
    }

    private final Path file;
    private final JsonReader reader;

    JsonListStream(Path file) throws IOException {
        this.file = file;
        Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        this.reader = new JsonReader(in);
        reader.setStrictness(Strictness.STRICT);
    }

    /** Opens the root object; a file holding anything else is malformed for this purpose. */
    void beginRoot() throws IOException {
        guarded(() -> {
            if (reader.peek() != JsonToken.BEGIN_OBJECT) throw error("$", "expected an object at the top of the file");
            reader.beginObject();
        });
    }

    /** The next member name of the root, or null at its end. */
    String nextMember() throws IOException {
        String[] name = new String[1];
        guarded(() -> {
            if (reader.hasNext()) {
                name[0] = reader.nextName();
            } else {
                reader.endObject();
                if (reader.peek() != JsonToken.END_DOCUMENT) throw error("$", "unexpected content after the JSON document");
            }
        });
        return name[0];
    }

    void skipValue() throws IOException {
        guarded(reader::skipValue);
    }

    /** Hands each element of the list under {@code member} to {@code handler}. */
    void eachElement(String member, ElementHandler handler) throws IOException {
        guarded(() -> {
            if (reader.peek() == JsonToken.NULL) {
                reader.nextNull();
                return;
            }
            if (reader.peek() != JsonToken.BEGIN_ARRAY) throw error("$." + member, "expected a list");
            reader.beginArray();
            int index = 0;
            while (reader.hasNext()) {
                reader.peek();
                int line = position()[0];
                JsonElement element = JsonParser.parseReader(reader);
                handler.accept(new JsonItem(file, element, "$." + member + "[" + index + "]", index, line));
                index++;
            }
            reader.endArray();
        });
    }

    MalformedFileException error(String location, String problem) {
        int[] p = position();
        return new MalformedFileException(file, p[0], p[1], location, problem);
    }

    private int[] position() {
        Matcher m = POSITION.matcher(reader.toString());
        return m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : new int[] {0, 0};
    }

    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    /** Syntax errors surface from Gson as several exception types; all become one positioned report. */
    private void guarded(Step step) throws IOException {
        try {
            step.run();
        } catch (MalformedFileException e) {
            throw e;
        } catch (JsonParseException | IllegalStateException | IOException e) {
            Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
            String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            Matcher m = POSITION.matcher(message);
            if (!m.find()) throw new MalformedFileException(file, 0, 0, "", JsonProblems.describe(message));
            throw new MalformedFileException(file, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), "",
                JsonProblems.describe(message.substring(0, m.start())));
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
