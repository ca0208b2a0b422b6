package io.boxwork.engine.weights;

/** How a weight load treats keys that do not line up with the model. */
public enum LoadMode {
    /** Any missing, unexpected or shape-mismatched key fails the load before anything is copied. */
    STRICT,
    /** Loads what matches; the rest is reported, never fatal. */
    PARTIAL
}
