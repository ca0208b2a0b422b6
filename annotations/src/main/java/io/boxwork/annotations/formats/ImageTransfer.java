package io.boxwork.annotations.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** How image files move between a dataset and a project. */
public enum ImageTransfer {
    /** An independent copy: safe, costs disk space. */
    COPY,
    /** A symbolic link to the original: no space, but the original must stay where it is. */
    LINK;

    /** Puts {@code from} at {@code to}; a copy appears under its final name only once complete. */
    void transfer(Path from, Path to) throws IOException {
        Files.createDirectories(to.toAbsolutePath().getParent());
        if (this == LINK) {
            Files.createSymbolicLink(to, from.toAbsolutePath().normalize());
            return;
        }
        Path temp = Files.createTempFile(to.toAbsolutePath().getParent(), "." + to.getFileName() + ".", ".part");
        try {
            Files.copy(from, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, to, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
