package io.boxwork.app.transfer;

import io.boxwork.annotations.formats.AnnotationFormat;
import io.boxwork.annotations.formats.ProjectExporter;
import io.boxwork.app.project.ProjectSession;
import javafx.concurrent.Task;

import java.nio.file.Path;

/** Exports the project as it is on screen: pending edits are written first. */
public final class ExportTask extends Task<ProjectExporter.Summary> {
    private final ProjectSession session;
    private final AnnotationFormat format;
    private final Path dest;
    private final ProjectExporter.Options options;

    public ExportTask(ProjectSession session, AnnotationFormat format, Path dest, ProjectExporter.Options options) {
        this.session = session;
        this.format = format;
        this.dest = dest;
        this.options = options;
    }

    @Override
    protected ProjectExporter.Summary call() throws Exception {
        updateMessage("Saving pending edits…");
        session.flush();
        updateMessage("Writing " + format.name() + " to " + dest + "…");
        return ProjectExporter.export(session.project(), format, dest, options);
    }
}
