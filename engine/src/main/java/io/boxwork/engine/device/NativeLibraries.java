package io.boxwork.engine.device;

import org.bytedeco.javacpp.Loader;

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
    private static boolean unpacked;

    private NativeLibraries() {
    }

    /** Idempotent and cheap after the first run (the cache is checked by size and time, not rewritten). */
    public static synchronized void unpack() {
        if (unpacked) return;
        String platform = Loader.getPlatform();
        try {
            for (String preset : PRESETS) {
                for (String folder : List.of(platform + "-gpu", platform)) {
                    String resource = "/org/bytedeco/" + preset + "/" + folder + "/";
                    if (Loader.class.getResource(resource) != null) Loader.cacheResources(resource);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack the native libraries into JavaCPP's cache ("
                    + e.getMessage() + "); check that the cache folder (~/.javacpp/cache) is writable and the disk has ~1 GB free", e);
        }
        unpacked = true;
    }
}
