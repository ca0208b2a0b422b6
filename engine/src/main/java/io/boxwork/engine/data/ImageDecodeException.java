package io.boxwork.engine.data;

import java.io.IOException;
import java.nio.file.Path;

/** An image file that could not be turned into pixels; the message names the file and why. */
public final class ImageDecodeException extends IOException {
    private final transient Path file;
    private final String reason;

    public ImageDecodeException(Path file, String reason, Throwable cause) {
        super(file + ": cannot decode the image (" + reason + ")", cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
