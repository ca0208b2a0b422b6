package io.boxwork.engine.cli;

import io.boxwork.annotations.formats.AnnotationFormat;

/** The CLI's format names: the library's, plus {@code tutorial-json} for the tutorial's one-JSON-per-image layout. */
final class Formats {
    private Formats() {
    }

    static AnnotationFormat named(String name) {
        String n = name.trim().toLowerCase(java.util.Locale.ROOT);
        return AnnotationFormat.named(n.equals("tutorial-json") ? "tutorial" : n);
    }
}
