package io.boxwork.app.stats;

import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.stats.DatasetStatistics;
import io.boxwork.app.project.ProjectSession;
import javafx.concurrent.Task;

import java.util.ArrayList;
import java.util.List;

/** Reads every image's labels as the person left them (including edits autosave has not written yet). */
public final class StatisticsTask extends Task<DatasetStatistics> {
    private final ProjectSession session;

    public StatisticsTask(ProjectSession session) {
        this.session = session;
    }

    @Override
    protected DatasetStatistics call() throws Exception {
        List<String> images = session.project().images();
        List<ImageLabels> labels = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            updateProgress(i, images.size());
            updateMessage("Reading " + images.get(i));
            labels.add(session.labels(images.get(i)));
        }
        return DatasetStatistics.of(labels, session.project().settings());
    }
}
