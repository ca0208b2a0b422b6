package io.boxwork.engine.device;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Which LibTorch build a GPU package loads. The {@code gpu} Maven profile bundles both the CPU
 * and the CUDA natives; the CUDA one links cuBLAS, cuFFT, cuSPARSE, cuDNN, NCCL and more that only
 * a full CUDA install provides, and loading it without them ends in a JVM crash (JavaCPP then falls
 * back to whatever {@code libtorch.so} the system has). So the libraries it needs are checked with
 * {@code ldd} first, and JavaCPP is told which variant to load: {@code -gpu} when all are there,
 * the CPU build otherwise. A CPU-only package has nothing to choose.
 */
public record NativeVariant(String extension, Optional<String> cpuBecause) {

    /** JavaCPP reads this before loading a preset: "-gpu" loads the CUDA build, "" the plain one. */
    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    public static NativeVariant cpuOnlyPackage() {
        return new NativeVariant("", Optional.empty());
    }

    public boolean gpu() {
        return extension.equals("-gpu");
    }

    /**
     * @param cpuBundled whether the CPU natives are in the package too (the fallback)
     * @param missing    libraries the CUDA build needs that the dynamic linker cannot find, or empty
     * @param userChoice the property as the user set it ({@code -D...}), or null
     */
    static NativeVariant decide(boolean cpuBundled, List<String> missing, String userChoice) {
        if (userChoice != null) {
            return new NativeVariant(userChoice, userChoice.equals("-gpu") ? Optional.empty()
                : Optional.of("the CPU natives were chosen with -D" + EXTENSION_PROPERTY + "=" + userChoice));
        }
        if (missing.isEmpty()) return new NativeVariant("-gpu", Optional.empty());
        String why = "LibTorch's CUDA build needs " + String.join(", ", missing)
            + ", which this machine lacks (install CUDA 13 with cuDNN 9 and NCCL to train on the GPU)";
        if (!cpuBundled) {
            throw new IllegalStateException(why + "; this package carries no CPU natives to fall back on");
        }
        return new NativeVariant("", Optional.of(why));
    }

    /** The libraries {@code ldd} reports as "not found", in its order. */
    static List<String> notFound(String lddOutput) {
        List<String> missing = new ArrayList<>();
        for (String line : lddOutput.split("\n")) {
            String t = line.strip();
            int arrow = t.indexOf("=>");
            if (arrow > 0 && t.substring(arrow + 2).strip().equals("not found")) {
                String name = t.substring(0, arrow).strip();
                if (!missing.contains(name)) missing.add(name);
            }
        }
        return missing;
    }

    /**
     * Runs {@code ldd} on the unpacked CUDA library. ldd only asks the dynamic linker to resolve
     * names; no code of the library runs. If ldd itself cannot run, the GPU build is not risked.
     */
    static List<String> missingFor(File cudaLibrary) {
        try {
            Process p = new ProcessBuilder("ldd", cudaLibrary.getPath()).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of("(ldd did not answer in 30 s)");
            }
            List<String> missing = notFound(new String(out, StandardCharsets.UTF_8));
            if (p.exitValue() != 0 && missing.isEmpty()) return List.of("(ldd failed on " + cudaLibrary + ")");
            return missing;
        } catch (IOException e) {
            return List.of("(ldd could not run: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("(interrupted while checking the CUDA libraries)");
        }
    }
}
