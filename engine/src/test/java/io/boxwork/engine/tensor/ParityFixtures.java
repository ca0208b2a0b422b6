package io.boxwork.engine.tensor;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes torchvision reference outputs by running {@code src/test/python/backbone_fixtures.py}
 * with Debian's {@code /usr/bin/python3}, into {@code target/parity-fixtures/<set>}. A set is
 * rewritten only when the script changed, so test classes sharing a set pay for it once.
 */
public final class ParityFixtures {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("src", "test", "python", "backbone_fixtures.py");
    private static final Path ROOT = Path.of("target", "parity-fixtures");

    private ParityFixtures() {
    }

    /**
     * The directory of fixture set {@code name} ("transform" or "backbones"), written if needed;
     * aborts the calling test with the missing package named when torchvision is not importable.
     */
    public static synchronized Path directory(String name) throws IOException, InterruptedException {
        assumeTorchvision();
        Path dir = ROOT.resolve(name);
        Path stamp = dir.resolve("script.sha256");
        String digest = sha256(Files.readAllBytes(SCRIPT));
        if (Files.exists(stamp) && Files.readString(stamp).equals(digest)) {
            return dir;
        }
        Files.createDirectories(dir);
        Process process = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), name, dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(SCRIPT + " " + name + " failed:\n" + output);
        }
        Files.writeString(stamp, digest);
        return dir;
    }

    private static void assumeTorchvision() throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            skip(PYTHON + " is missing (install Debian's python3-torchvision)");
        }
        Process probe = new ProcessBuilder(List.of(PYTHON.toString(), "-c", "import torch, torchvision"))
                .redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!probe.waitFor(2, TimeUnit.MINUTES) || probe.exitValue() != 0) {
            skip("torch / torchvision are not importable by " + PYTHON
                    + " (install Debian's python3-torchvision): " + output.strip());
        }
    }

    private static void skip(String why) {
        String message = "PARITY TESTS SKIPPED: " + why;
        System.err.println("*** " + message + " ***");
        Assumptions.abort(message);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
