package io.boxwork.engine.device;

import org.bytedeco.javacpp.Loader;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Unpacks the bundled natives into JavaCPP's cache before LibTorch loads.
 *
 * <p>On a first run JavaCPP extracts and loads one library at a time: it loads {@code libtorch.so}
 * before it has extracted {@code libtorch_cpu.so}, so the dynamic linker resolves that dependency
 * from the system. Where a system LibTorch is installed (Debian's {@code libtorch-dev}, which
 * {@code python3-torchvision} pulls in) two LibTorch versions end up in one process and the JVM
 * crashes in a static initialiser. With every file unpacked first, {@code $ORIGIN} finds the
 * bundled one. Call {@link #unpack()} before touching any {@code org.bytedeco.pytorch} class;
 * this class itself must not reference one.
 */
public final class NativeLibraries {

    private static final List<String> PRESETS = List.of("javacpp", "openblas", "pytorch");
    private static NativeVariant variant;

    private NativeLibraries() {
    }

    /**
     * Idempotent and cheap after the first run (the cache is checked by size and time, not
     * rewritten). In a package with the CUDA natives it also picks the variant LibTorch loads
     * ({@link NativeVariant}).
     */
    public static synchronized void unpack() {
        if (variant != null) return;
        String platform = Loader.getPlatform();
        File cudaLibrary = null;
        boolean cpuBundled = false;
        try {
            for (String preset : PRESETS) {
                for (String folder : List.of(platform + "-gpu", platform)) {
                    String resource = "/org/bytedeco/" + preset + "/" + folder + "/";
                    if (Loader.class.getResource(resource) == null) continue;
                    File[] files = Loader.cacheResources(resource);
                    if (!preset.equals("pytorch")) continue;
                    if (folder.equals(platform)) cpuBundled = true;
                    else cudaLibrary = cudaLibraryIn(files);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack the native libraries into JavaCPP's cache ("
                    + e.getMessage() + "); check that the cache folder (~/.javacpp/cache) is writable and the disk has ~1 GB free", e);
        }
        if (cudaLibrary == null) {
            variant = NativeVariant.cpuOnlyPackage();
            return;
        }
        String userChoice = System.getProperty(NativeVariant.EXTENSION_PROPERTY);
        NativeVariant v = NativeVariant.decide(cpuBundled, userChoice != null ? List.of() : NativeVariant.missingFor(cudaLibrary), userChoice);
        System.setProperty(NativeVariant.EXTENSION_PROPERTY, v.extension());
        // Unpacking made JavaCPP read and cache its properties; re-read them so the choice counts.
        Loader.loadProperties(true);
        variant = v;
    }

    /** libtorch_cuda.so among what JavaCPP unpacked (it returns the folder, or the files). */
    private static File cudaLibraryIn(File[] unpacked) {
        for (File f : unpacked) {
            File candidate = f.isDirectory() ? new File(f, "libtorch_cuda.so") : f;
            if (candidate.getName().equals("libtorch_cuda.so") && candidate.isFile()) return candidate;
        }
        throw new IllegalStateException("the CUDA natives are bundled but libtorch_cuda.so was not unpacked from them");
    }

    /** The LibTorch build this process loads (after {@link #unpack()}). */
    public static synchronized NativeVariant variant() {
        unpack();
        return variant;
    }
}
