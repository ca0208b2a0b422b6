package io.boxwork.app.project;

import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.storage.AutosaveWriter;
import io.boxwork.annotations.storage.Project;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An open project and its autosave. Keeps the latest snapshot of every image edited in this
 * session, so reading labels back never sees a file that autosave has not written yet.
 */
public final class ProjectSession implements AutoCloseable {
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(400);

    private final Project project;
    private final AutosaveWriter autosave;
    private final Map<String, ImageLabels> latest = new ConcurrentHashMap<>();

    public ProjectSession(Project project, Duration debounce) {
        this.project = project;
        this.autosave = new AutosaveWriter(project::saveLabels, debounce);
    }

    public Project project() {
        return project;
    }

    public AutosaveWriter autosave() {
        return autosave;
    }

    public boolean readOnly() {
        return project.isReadOnly();
    }

    /** The labels as the person last left them: this session's snapshot, else the file, else empty. */
    public ImageLabels labels(String imagePath) throws IOException {
        ImageLabels l = latest.get(imagePath);
        return l != null ? l : project.labels(imagePath);
    }

    public Optional<ImageLabels> editedInThisSession(String imagePath) {
        return Optional.ofNullable(latest.get(imagePath));
    }

    /** Records a new snapshot and hands it to autosave (nothing is written for a read-only project). */
    public void submit(ImageLabels labels) {
        latest.put(labels.imagePath(), labels);
        if (!project.isReadOnly()) autosave.submit(labels);
    }

    /** Forgets this session's snapshot after a background job rewrote the file itself. */
    public void replaceSnapshot(ImageLabels labels) {
        latest.put(labels.imagePath(), labels);
    }

    /** Drops every snapshot after a background job (an import) rewrote labels files; flush first. */
    public void forgetSnapshots() {
        latest.clear();
    }

    /** Writes everything pending now; throws if a write fails (the snapshot stays pending). */
    public void flush() throws IOException {
        autosave.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            autosave.close();
        } finally {
            project.close();
        }
    }
}
