package io.boxwork.engine.weights;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The .pth files Python's torch writes for these tests, generated once per script version into
 * {@code target/parity-fixtures/weights/} by {@code src/test/python/weights_fixtures.py}.
 */
final class WeightFixtures {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path SCRIPT = Path.of("src/test/python/weights_fixtures.py");
    static final Path FOLDER = Path.of("target/parity-fixtures/weights");

    /** What a Python run printed and how it exited. */
    record PythonRun(int exitCode, String output) {
    }

    private static boolean ready;
    private static PythonRun probe;

    private WeightFixtures() {
    }

    /** Skips the calling test, naming the missing package, when Python's torch is not there. */
    static synchronized void assumeTorchInPython() {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "SKIPPED: " + PYTHON + " not found: install python3-torch and python3-torchvision");
        if (probe == null) {
            // importing torch takes seconds: ask once per test JVM
            probe = runPython(List.of("-c", "import torch, torchvision"));
        }
        Assumptions.assumeTrue(probe.exitCode() == 0,
                "SKIPPED: " + PYTHON + " cannot import torch / torchvision (install python3-torch python3-torchvision): " + probe.output());
    }

    static synchronized Path file(String name) throws IOException {
        assumeTorchInPython();
        if (!ready) {
            Path stamp = FOLDER.resolve("script.sha256");
            String scriptHash = sha256(Files.readAllBytes(SCRIPT));
            if (!Files.exists(stamp) || !Files.readString(stamp).equals(scriptHash)) {
                Files.createDirectories(FOLDER);
                PythonRun run = runPython(List.of(SCRIPT.toString(), "write", FOLDER.toString()));
                if (run.exitCode() != 0) {
                    throw new IllegalStateException("fixture script failed (" + run.exitCode() + "): " + run.output());
                }
                Files.writeString(stamp, scriptHash);
            }
            ready = true;
        }
        return FOLDER.resolve(name + ".pth");
    }

    static JsonElement reference(String name) throws IOException {
        file(name);
        try (Reader reader = Files.newBufferedReader(FOLDER.resolve(name + ".json"))) {
            return JsonParser.parseReader(reader);
        }
    }

    /** Runs the fixture script with {@code arguments}, e.g. {@code check <file> <reference> resnet18}. */
    static PythonRun script(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(SCRIPT.toString());
        command.addAll(List.of(arguments));
        return runPython(command);
    }

    private static PythonRun runPython(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(PYTHON.toString());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new PythonRun(-1, "timed out: " + command);
            }
            return new PythonRun(process.exitValue(), output.strip());
        } catch (IOException e) {
            return new PythonRun(-1, "cannot start " + command + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PythonRun(-1, "interrupted: " + command);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
