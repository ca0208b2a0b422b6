package io.boxwork.engine.detection;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code heads_fixtures.py} with Debian's torch/torchvision once per build and hands out its
 * bundles. Skips (loudly) when the python side cannot run, fails when it runs and breaks.
 */
final class ParityFixtures {

    static final Path DIR = Paths.get("target", "parity-fixtures", "heads");
    private static final Path SCRIPT = Paths.get("src", "test", "python", "heads_fixtures.py");
    private static final String PYTHON = "/usr/bin/python3";
    private static final int MISSING_PACKAGE = 3;

    /** Bundles stay loaded for the whole run: the state dicts are large and several test classes share them. */
    private static final java.util.Map<String, TensorBundle> LOADED = new java.util.HashMap<>();
    private static String skipReason;
    private static boolean generated;

    private ParityFixtures() {
    }

    static synchronized TensorBundle load(String name) throws IOException, InterruptedException {
        ensureGenerated();
        TensorBundle b = LOADED.get(name);
        if (b == null) {
            b = TensorBundle.read(DIR, name);
            LOADED.put(name, b);
        }
        return b;
    }

    private static void ensureGenerated() throws IOException, InterruptedException {
        if (!generated && skipReason == null) {
            Path marker = DIR.resolve("r18_state.json");
            boolean fresh = Files.exists(marker)
                    && Files.getLastModifiedTime(marker).compareTo(Files.getLastModifiedTime(SCRIPT)) > 0;
            if (fresh) {
                generated = true;
            } else {
                run();
            }
        }
        Assumptions.assumeTrue(skipReason == null, () -> "SKIPPING torchvision parity: " + skipReason);
    }

    private static void run() throws IOException, InterruptedException {
        if (!Files.isExecutable(Paths.get(PYTHON))) {
            skipReason = PYTHON + " is not installed (needs python3-torch and python3-torchvision)";
            return;
        }
        Files.createDirectories(DIR);
        Process p = new ProcessBuilder(PYTHON, SCRIPT.toString(), DIR.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(SCRIPT + " did not finish within 10 minutes");
        }
        if (p.exitValue() == MISSING_PACKAGE) {
            skipReason = output.trim() + " (install python3-torch and python3-torchvision)";
            System.err.println("SKIPPING torchvision parity: " + skipReason);
            return;
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(SCRIPT + " failed with exit code " + p.exitValue() + ":\n" + output);
        }
        generated = true;
    }
}
