package io.boxwork.engine.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.storage.Project;
import io.boxwork.engine.device.ComputeDevice;
import io.boxwork.engine.inference.CandidateCache;
import io.boxwork.engine.inference.FasterRcnnDetector;
import io.boxwork.engine.inference.ImagePrediction;
import io.boxwork.engine.inference.LoadedModel;
import io.boxwork.engine.inference.PredictionJson;
import io.boxwork.engine.inference.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "predict", description = "Run a trained detector on image files or on a project's images.")
final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Parameters(paramLabel = "<image>", arity = "0..*", description = "image files")
    List<Path> images = new ArrayList<>();

    @Option(names = "--project", paramLabel = "<dir>", description = "predict the project's images instead of files")
    Path projectDir;

    @Option(names = "--split", description = "with --project: only this split (${COMPLETION-CANDIDATES})")
    Split split;

    @Option(names = "--cache", paramLabel = "<dir>", description = "also store each image's raw candidates here (e.g. runs/<id>/predictions)")
    Path cacheDir;

    @Option(names = "--candidates", description = "include the raw candidates in the JSON output")
    boolean withCandidates;

    @Option(names = "--batch", defaultValue = "1")
    int batch;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (images.isEmpty() == (projectDir == null)) throw new IllegalArgumentException("give image files or --project <dir> (one of the two)");
        Path weights = model.requireWeights();
        EngineSetup.threads(model.threads);
        ComputeDevice device = EngineSetup.device(model.device);
        spec.commandLine().getErr().println("device: " + device.description());
        FasterRcnnDetector detector = LoadedModel.load(weights, model.overrides());
        detector.to(device);
        Predictor predictor = new Predictor(detector, batch);
        CandidateCache cache = cacheDir == null ? null : new CandidateCache(cacheDir, CandidateCache.weightsId(weights));
        List<ImagePrediction> results;
        if (projectDir != null) {
            Project project = Project.openReadOnly(projectDir);
            results = predictor.predictProject(project, split, p -> {
                if (cache != null) {
                    try {
                        cache.put(p, detector.classNames());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
        } else {
            results = predictor.predictFiles(images);
            if (cache != null) for (ImagePrediction p : results) cache.put(p, detector.classNames());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("weights", weights.toString());
            o.addProperty("device", device.description());
            JsonArray arr = new JsonArray();
            for (ImagePrediction p : results) arr.add(PredictionJson.toJson(p, withCandidates, detector.classNames()));
            o.add("images", arr);
            JsonOut.print(out, o);
        } else {
            for (ImagePrediction p : results) {
                out.printf("%s: %d boxes%n", p.image(), p.detections().size());
                for (ImagePrediction.Detected d : p.detections()) {
                    out.printf(Locale.ROOT, "  %-16s %.3f  [%.1f, %.1f, %.1f, %.1f]%n", d.className(), d.score(), d.x1(), d.y1(), d.x2(), d.y2());
                }
            }
            out.flush();
        }
        return 0;
    }
}
