package io.boxwork.annotations.storage;

import java.io.IOException;
import java.nio.file.Path;

/** Another Boxwork holds the project; writing beside it would silently overwrite its work. */
public class ProjectLockedException extends IOException {
    public ProjectLockedException(Path projectDir, String holder) {
        super("The project " + projectDir + " is open in another Boxwork (" + holder
            + "). Close it there, or open this one read-only.");
    }
}
