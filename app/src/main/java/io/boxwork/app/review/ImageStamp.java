package io.boxwork.app.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An image file's size and modification time when its candidates were predicted: a file replaced
 * on disk since then (re-exported, cropped, swapped) gets predicted again instead of showing the
 * old picture's boxes.
 */
public record ImageStamp(long size, long modifiedMillis) {

    /** For caches written before images were stamped: matches no file. */
    public static final ImageStamp UNKNOWN = new ImageStamp(-1, -1);

    public static ImageStamp of(Path file) throws IOException {
        return new ImageStamp(Files.size(file), Files.getLastModifiedTime(file).toMillis());
    }
}
