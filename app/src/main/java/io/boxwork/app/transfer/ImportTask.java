package io.boxwork.app.transfer;

import io.boxwork.annotations.formats.AnnotationFormat;
import io.boxwork.annotations.formats.ImportReport;
import io.boxwork.annotations.formats.ProjectImporter;
import io.boxwork.app.project.ProjectSession;
import javafx.concurrent.Task;

import java.nio.file.Path;

/**
 * Imports a dataset into the open project. Pending edits are written first and this session's
 * snapshots dropped afterwards, so neither the import nor autosave overwrites the other.
 */
public final class ImportTask extends Task<ImportReport> {
    private final ProjectSession session;
    private final AnnotationFormat format;
    private final Path source;
    private final ProjectImporter.Options options;

    public ImportTask(ProjectSession session, AnnotationFormat format, Path source, ProjectImporter.Options options) {
        this.session = session;
        this.format = format;
        this.source = source;
        this.options = options;
    }

    @Override
    protected ImportReport call() throws Exception {
        updateMessage("Saving pending edits…");
        session.flush();
        updateMessage("Importing " + format.name() + " from " + source + "…");
        ImportReport report = ProjectImporter.importInto(session.project(), format, source, options);
        session.project().rescanImages();
        session.forgetSnapshots();
        updateMessage("Imported " + report.images() + " images");
        return report;
    }
}
