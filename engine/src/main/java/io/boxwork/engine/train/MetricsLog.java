package io.boxwork.engine.train;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.boxwork.annotations.storage.JsonFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code metrics.jsonl}: every event as one JSON line, appended and flushed as it happens so a
 * crash loses at most the line being written. A resumed run appends to the same file.
 */
public final class MetricsLog implements TrainingListener, AutoCloseable {
    private final Path file;
    private final BufferedWriter out;

    public MetricsLog(Path file) throws IOException {
        this.file = file;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public void onEvent(TrainingEvent event) {
        try {
            out.write(JsonFiles.toCompactJson(TrainingEventJson.toJson(event)));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + file, e);
        }
    }

    /** The events of a log; a torn last line (a crash mid-write) is skipped, any other bad line is an error with its number. */
    public static List<TrainingEvent> read(Path file) throws IOException {
        List<TrainingEvent> events = new ArrayList<>();
        if (!Files.exists(file)) return events;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            try {
                JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                events.add(TrainingEventJson.fromJson(o));
            } catch (RuntimeException e) {
                if (i == lines.size() - 1) break;
                throw new IOException(file + ":" + (i + 1) + ": not a training event: " + e.getMessage(), e);
            }
        }
        return events;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
