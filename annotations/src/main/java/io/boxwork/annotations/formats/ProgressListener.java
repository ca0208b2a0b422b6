package io.boxwork.annotations.formats;

/** Told how far a long import or export has come, so a UI task or the CLI can show it. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> { };

    /** Called from the working thread after each image. */
    void progress(int done, int total);
}
