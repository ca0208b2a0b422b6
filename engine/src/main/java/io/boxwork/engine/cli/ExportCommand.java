package io.boxwork.engine.cli;

import com.google.gson.JsonObject;
import io.boxwork.annotations.formats.ImageTransfer;
import io.boxwork.annotations.formats.ProjectExporter;
import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.storage.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export", description = "Export a project's labels (and images) as COCO, VOC, YOLO or tutorial JSON.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, description = "coco, voc, yolo or tutorial-json")
    String format;

    @Option(names = "--project", required = true, paramLabel = "<dir>")
    Path projectDir;

    @Parameters(index = "0", paramLabel = "<dest>", description = "folder to write")
    Path dest;

    @Option(names = "--split", description = "only this split: ${COMPLETION-CANDIDATES}")
    Split split;

    @Option(names = "--include-predictions", description = "also export predicted boxes nobody confirmed")
    boolean includePredictions;

    @Option(names = "--link", description = "symlink the images instead of copying them")
    boolean link;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Project project = Project.openReadOnly(projectDir);
        ProjectExporter.Summary s = ProjectExporter.export(project, Formats.named(format), dest,
            new ProjectExporter.Options(link ? ImageTransfer.LINK : ImageTransfer.COPY, split, includePredictions));
        var out = spec.commandLine().getOut();
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("format", s.format());
            o.addProperty("dest", s.dest().toString());
            o.addProperty("images", s.images());
            o.addProperty("boxes", s.boxes());
            o.addProperty("classes", s.classes());
            JsonOut.print(out, o);
        } else {
            out.printf("Exported %d images, %d boxes, %d classes as %s to %s%n", s.images(), s.boxes(), s.classes(), s.format(), s.dest());
            out.flush();
        }
        return 0;
    }
}
