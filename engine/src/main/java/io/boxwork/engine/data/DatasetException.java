package io.boxwork.engine.data;

import java.io.IOException;
import java.nio.file.Path;

/** Labels that cannot become training targets; the message names the file (and box) at fault. */
public final class DatasetException extends IOException {
    private final transient Path file;

    public DatasetException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
