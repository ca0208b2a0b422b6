package io.boxwork.engine.device;

import java.util.Locale;

/** Where the user wants the engine to run. */
public enum DevicePreference {
    /** CUDA when LibTorch sees a GPU, else CPU. */
    AUTO,
    CPU,
    /** The first CUDA device; refused when there is none. */
    CUDA;

    /** {@code auto}, {@code cpu} or {@code cuda} (any case; {@code gpu} means {@code cuda}), as the CLI and run configs spell it. */
    public static DevicePreference parse(String name) {
        return switch (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "cpu" -> CPU;
            case "cuda", "gpu" -> CUDA;
            default -> throw new IllegalArgumentException("unknown device '" + name + "'; use auto, cpu or cuda");
        };
    }

    /** The name {@link #parse} reads back. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
