package io.boxwork.app.annotate;

import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.storage.Project;
import javafx.concurrent.Task;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every labels file's status in the background when a project opens, so the list's filter
 * and counts are right without delaying the first image. Unreadable files count as todo here; the
 * image itself reports the problem when it is opened.
 */
public final class StatusScanTask extends Task<Map<Integer, ImageStatus>> {
    private final Project project;
    private final List<String> images;

    public StatusScanTask(Project project, List<String> images) {
        this.project = project;
        this.images = images;
    }

    @Override
    protected Map<Integer, ImageStatus> call() {
        Map<Integer, ImageStatus> out = new HashMap<>();
        for (int i = 0; i < images.size() && !isCancelled(); i++) {
            String path = images.get(i);
            updateProgress(i, images.size());
            if (!project.hasLabels(path)) continue;
            try {
                out.put(i, project.labels(path).status());
            } catch (IOException | RuntimeException e) {
                out.put(i, ImageStatus.TODO);
            }
        }
        return out;
    }
}
