package io.boxwork.engine.train;

import com.google.gson.JsonObject;
import io.boxwork.annotations.storage.JsonFiles;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** {@code runs/<timestamp-id>/} of a project: one training run and everything it wrote. */
public record RunFolder(Path dir) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** A new, empty run folder named for the UTC time plus a short random id (two runs in one second stay apart). */
    public static RunFolder create(Path runsDir, Clock clock) throws IOException {
        Files.createDirectories(runsDir);
        byte[] id = new byte[3];
        new SecureRandom().nextBytes(id);
        Path dir = runsDir.resolve(STAMP.format(clock.instant()) + "-" + HexFormat.of().formatHex(id));
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            return create(runsDir, clock);
        }
        return new RunFolder(dir);
    }

    /** An existing run (to resume it or read its predictions). */
    public static RunFolder open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new NoSuchFileException(dir.toString(), null, "no such run folder");
        return new RunFolder(dir);
    }

    public String id() {
        return dir.getFileName().toString();
    }

    public Path config() {
        return dir.resolve("config.json");
    }

    public Path metrics() {
        return dir.resolve("metrics.jsonl");
    }

    public Path last() {
        return dir.resolve("last.pth");
    }

    public Path best() {
        return dir.resolve("best.pth");
    }

    public Path curves() {
        return dir.resolve("curves.png");
    }

    public Path predictions() {
        return dir.resolve("predictions");
    }

    public void writeConfig(TrainConfig config) throws IOException {
        JsonFiles.writePretty(config(), TrainConfigJson.toJson(config));
    }

    public TrainConfig readConfig() throws IOException {
        JsonObject o = JsonFiles.read(config()).getAsJsonObject();
        try {
            return TrainConfigJson.fromJson(o);
        } catch (RuntimeException e) {
            throw new IOException(config() + ": not a run configuration: " + e.getMessage(), e);
        }
    }
}
