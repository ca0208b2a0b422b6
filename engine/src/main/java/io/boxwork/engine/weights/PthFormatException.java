package io.boxwork.engine.weights;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@code .pth} file this reader cannot read: truncated, not a torch file, or using something
 * torch.save does not emit for state dicts. Says which file, which part of it (the zip entry,
 * or {@code legacy} for a pre-1.6 file) and the byte offset inside that part.
 */
public final class PthFormatException extends IOException {

    private final Path file;
    private final String part;
    private final long offset;

    public PthFormatException(Path file, String part, long offset, String problem) {
        super(file + " (" + part + " at byte " + offset + "): " + problem);
        this.file = file;
        this.part = part;
        this.offset = offset;
    }

    public Path file() {
        return file;
    }

    /** The zip entry (e.g. {@code archive/data.pkl}) or {@code legacy} / {@code zip} for the container. */
    public String part() {
        return part;
    }

    public long offset() {
        return offset;
    }
}
