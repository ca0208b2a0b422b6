package io.boxwork.engine.device;

/** Where the user wants the engine to run. */
public enum DevicePreference {
    /** CUDA when LibTorch sees a GPU, else CPU. */
    AUTO,
    CPU,
    /** The first CUDA device; refused when there is none. */
    CUDA
}
