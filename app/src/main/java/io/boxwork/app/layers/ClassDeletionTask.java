package io.boxwork.app.layers;

import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.LabelClass;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.storage.Project;
import io.boxwork.app.project.ProjectSession;
import javafx.concurrent.Task;

import java.util.ArrayList;
import java.util.List;

/**
 * Deletes a class from the project in the background. Every labels file is read before any is
 * written, so a malformed file stops the deletion before anything changed (no box is ever left
 * pointing at a class that no longer exists); then the files are rewritten, then
 * {@code boxwork.json}. Returns the labels it rewrote, so open documents can reload them.
 */
public final class ClassDeletionTask extends Task<List<ImageLabels>> {
    private final ProjectSession session;
    private final ClassDeletion deletion;

    public ClassDeletionTask(ProjectSession session, ClassDeletion deletion) {
        this.session = session;
        this.deletion = deletion;
    }

    @Override
    protected List<ImageLabels> call() throws Exception {
        Project project = session.project();
        updateMessage("Saving pending edits…");
        session.flush();
        List<String> images = project.images();
        List<ImageLabels> changed = new ArrayList<>();
        int steps = 2 * images.size();
        for (int i = 0; i < images.size(); i++) {
            String path = images.get(i);
            updateProgress(i, steps);
            updateMessage("Reading " + path);
            if (!project.hasLabels(path) && session.editedInThisSession(path).isEmpty()) continue;
            ImageLabels before = session.labels(path);
            ImageLabels after = deletion.applyTo(before);
            if (after != before) changed.add(after);
        }
        for (int i = 0; i < changed.size(); i++) {
            ImageLabels after = changed.get(i);
            updateProgress(images.size() + (long) i * images.size() / Math.max(1, changed.size()), steps);
            updateMessage("Writing " + after.imagePath());
            project.saveLabels(after);
            session.replaceSnapshot(after);
        }
        ProjectSettings settings = project.settings();
        List<LabelClass> remaining = settings.classes().stream().filter(c -> c.id() != deletion.deletedClassId()).toList();
        project.saveSettings(settings.withClasses(remaining));
        updateProgress(steps, steps);
        updateMessage("Deleted the class from " + changed.size() + " labels files");
        return changed;
    }
}
