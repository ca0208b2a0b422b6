package io.boxwork.engine.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.boxwork.annotations.anchors.AnchorCoverage;
import io.boxwork.annotations.anchors.AnchorCoverageCalculator;
import io.boxwork.annotations.anchors.BoxCoverage;
import io.boxwork.annotations.anchors.ClassCoverage;
import io.boxwork.annotations.anchors.SettingsSpecs;
import io.boxwork.annotations.anchors.TrainingBoxes;
import io.boxwork.annotations.model.AnchorSettings;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.storage.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "anchors", description = "How well the project's anchor settings cover the train split's labelled boxes (best IoU per box).")
final class AnchorsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "<dir>")
    Path projectDir;

    @Option(names = "--worst", defaultValue = "10", description = "list this many least covered boxes (default ${DEFAULT-VALUE})")
    int worst;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Project project = Project.openReadOnly(projectDir);
        ProjectSettings settings = project.settings();
        // The train split, as the Anchors view measures it: the figures here are the view's.
        TrainingBoxes training = TrainingBoxes.read(project);
        for (String line : training.unreadable()) spec.commandLine().getErr().println("boxwork anchors: left out " + line);
        AnchorSettings a = settings.anchors();
        AnchorCoverage c = AnchorCoverageCalculator.compute(SettingsSpecs.anchorSpec(a), SettingsSpecs.resizeSpec(a),
            training.images(), worst);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("boxes", c.boxes());
            o.add("share_iou_at_least_0.7", JsonOut.number(c.shareAtLeast07()));
            o.add("share_iou_at_least_0.5", JsonOut.number(c.shareAtLeast05()));
            o.add("share_iou_at_least_0.3", JsonOut.number(c.shareAtLeast03()));
            o.add("mean_best_iou", JsonOut.number(c.meanBestIou()));
            o.add("histogram", JsonOut.tree(c.histogram()));
            JsonArray per = new JsonArray();
            for (ClassCoverage cc : c.perClass()) {
                JsonObject p = new JsonObject();
                p.addProperty("class_id", cc.classId());
                p.addProperty("class", settings.classById(cc.classId()).map(x -> x.name()).orElse("?"));
                p.addProperty("boxes", cc.boxes());
                p.add("share_iou_at_least_0.5", JsonOut.number(cc.shareAtLeast05()));
                p.add("mean_best_iou", JsonOut.number(cc.meanBestIou()));
                per.add(p);
            }
            o.add("per_class", per);
            JsonArray w = new JsonArray();
            for (BoxCoverage b : c.worst()) {
                JsonObject p = new JsonObject();
                p.addProperty("image", b.imageId());
                p.addProperty("box_index", b.boxIndex());
                p.addProperty("class_id", b.classId());
                p.add("best_iou", JsonOut.number(b.bestIou()));
                p.addProperty("level", b.level());
                w.add(p);
            }
            o.add("worst", w);
            JsonOut.print(out, o);
            return 0;
        }
        out.printf("%d boxes; best anchor IoU >= 0.7: %.1f%%, >= 0.5: %.1f%%, >= 0.3: %.1f%%; mean best IoU %.3f%n", c.boxes(),
            100 * c.shareAtLeast07(), 100 * c.shareAtLeast05(), 100 * c.shareAtLeast03(), c.meanBestIou());
        for (ClassCoverage cc : c.perClass()) {
            out.printf("  %-20s %6d boxes, >= 0.5: %5.1f%%, mean %.3f%n", settings.classById(cc.classId()).map(x -> x.name()).orElse("?"),
                cc.boxes(), 100 * cc.shareAtLeast05(), cc.meanBestIou());
        }
        for (BoxCoverage b : c.worst()) out.printf("  worst: %s box %d IoU %.3f (%s)%n", b.imageId(), b.boxIndex(), b.bestIou(), b.level());
        out.flush();
        return 0;
    }
}
