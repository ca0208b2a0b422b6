package io.boxwork.engine.cli;

import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.stats.ClassCount;
import io.boxwork.annotations.stats.DatasetStatistics;
import io.boxwork.annotations.stats.SplitStatistics;
import io.boxwork.annotations.storage.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "stats", description = "Images, boxes, classes and size distributions of a project, per split.")
final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "<dir>")
    Path projectDir;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        DatasetStatistics stats = DatasetStatistics.of(Project.openReadOnly(projectDir));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOut.print(out, JsonOut.tree(stats));
            return 0;
        }
        line(out, "all", stats.all());
        for (Split s : Split.values()) line(out, s.jsonName(), stats.split(s));
        out.println("classes:");
        for (ClassCount c : stats.all().classes()) out.printf("  %-20s %6d boxes in %5d images%n", c.name(), c.boxes(), c.images());
        out.flush();
        return 0;
    }

    private static void line(PrintWriter out, String name, SplitStatistics s) {
        out.printf("%-5s %6d images (%d without boxes), %7d boxes%n", name, s.images(), s.imagesWithoutBoxes(), s.boxes());
    }
}
