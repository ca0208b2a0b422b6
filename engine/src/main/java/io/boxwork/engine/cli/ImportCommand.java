package io.boxwork.engine.cli;

import io.boxwork.annotations.formats.ImageTransfer;
import io.boxwork.annotations.formats.ImportReport;
import io.boxwork.annotations.formats.ProjectImporter;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.storage.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", description = "Import a COCO, VOC, YOLO or tutorial-JSON dataset into a project (created if needed).")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, description = "coco, voc, yolo or tutorial-json")
    String format;

    @Parameters(index = "0", paramLabel = "<source>", description = "dataset folder or annotation file")
    Path source;

    @Option(names = "--project", required = true, paramLabel = "<dir>")
    Path projectDir;

    @Option(names = "--link", description = "symlink the images instead of copying them")
    boolean link;

    @Option(names = "--existing", defaultValue = "KEEP", description = "labels already in the project: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    ProjectImporter.ExistingLabels existing;

    @Option(names = "--json", description = "print the import report as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var fmt = Formats.named(format);
        try (Project project = Project.isProject(projectDir) ? Project.open(projectDir)
            : Project.create(projectDir, ProjectSettings.create(projectDir.toAbsolutePath().normalize().getFileName().toString(), List.of()))) {
            ImportReport report = ProjectImporter.importInto(project, fmt, source,
                new ProjectImporter.Options(link ? ImageTransfer.LINK : ImageTransfer.COPY, existing));
            var out = spec.commandLine().getOut();
            if (json) JsonOut.print(out, report.toJson());
            else out.print(report.toText());
            out.flush();
        }
        return 0;
    }
}
