package io.boxwork.engine.cli;

import com.google.gson.JsonObject;
import io.boxwork.engine.device.ComputeDevice;
import io.boxwork.engine.train.DetectionScores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "eval", description = {
    "Score detections: a trained model on a project split (--project --weights),",
    "or any COCO ground truth and COCO results pair (--gt --dets)."})
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--gt", paramLabel = "<coco.json>", description = "COCO ground truth (instances) file")
    Path gt;

    @Option(names = "--dets", paramLabel = "<detections.json>", description = "COCO results file: [{image_id, category_id, bbox, score}]")
    Path dets;

    @CommandLine.Mixin
    ModelOptions model;

    @Option(names = "--project", paramLabel = "<dir>")
    Path projectDir;

    @Option(names = "--split", defaultValue = "VAL", description = "split to score with --project: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    io.boxwork.annotations.model.Split split;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        DetectionScores scores;
        ComputeDevice device = null;
        if (gt != null || dets != null) {
            if (gt == null || dets == null) throw new IllegalArgumentException("--gt and --dets go together");
            if (projectDir != null) throw new IllegalArgumentException("give either --gt/--dets or --project/--weights, not both");
            CocoJsonPair pair = CocoJsonPair.read(gt, dets);
            scores = DetectionScores.compute(pair.truth(), pair.detections(), id -> pair.categoryNames().getOrDefault(id, "class " + id));
        } else if (projectDir != null) {
            EngineSetup.threads(model.threads);
            device = EngineSetup.device(model.device);
            spec.commandLine().getErr().println("device: " + device.description());
            scores = ProjectEvaluation.score(projectDir, split, model, device);
        } else {
            throw new IllegalArgumentException("give --gt <coco.json> --dets <detections.json>, or --project <dir> --weights <pth>");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObject o = ScoresJson.toJson(scores);
            if (device != null) o.addProperty("device", device.description());
            JsonOut.print(out, o);
        } else {
            ScoresJson.printText(out, scores);
        }
        return 0;
    }
}
