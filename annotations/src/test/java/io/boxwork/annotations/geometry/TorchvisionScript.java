package io.boxwork.annotations.geometry;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python script under Debian's torch + torchvision to write a parity fixture at test time.
 * Skips the calling test (loudly, on stderr and in the report) when they cannot be imported.
 */
public final class TorchvisionScript {
    private static final String PYTHON = "/usr/bin/python3";

    private TorchvisionScript() {
    }

    /** Runs {@code script}, which must print one JSON object on stdout, and returns it. */
    public static JsonObject run(String script) throws IOException, InterruptedException {
        return run(script, null);
    }

    /** As {@link #run(String)}, passing {@code workDir} as {@code sys.argv[1]} for bulky binary outputs. */
    public static JsonObject run(String script, Path workDir) throws IOException, InterruptedException {
        assumeTorchvision();
        Path file = Files.createTempFile("boxwork-fixture", ".py");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            ProcessBuilder builder = workDir == null ? new ProcessBuilder(PYTHON, file.toString())
                    : new ProcessBuilder(PYTHON, file.toString(), workDir.toString());
            Process p = builder.start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("fixture script failed: " + new String(err, StandardCharsets.UTF_8));
            }
            return JsonParser.parseString(new String(out, StandardCharsets.UTF_8)).getAsJsonObject();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void assumeTorchvision() throws InterruptedException {
        boolean available;
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch, torchvision").start();
            available = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            available = false;
        }
        if (!available) {
            System.err.println("SKIPPED torchvision parity test: " + PYTHON
                    + " cannot import torch and torchvision (install python3-torchvision)");
        }
        assumeTrue(available, PYTHON + " cannot import torch and torchvision: parity test skipped");
    }
}
