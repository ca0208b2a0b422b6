package io.boxwork.engine.inference;

import io.boxwork.engine.train.ModelState;
import io.boxwork.engine.train.PretrainedWeights;
import io.boxwork.engine.train.StartingPoint;
import io.boxwork.engine.weights.PthReader;
import io.boxwork.engine.weights.StateDict;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Puts a starting point's weights into a freshly built detector: an ImageNet ResNet under
 * {@code backbone.body.}, torchvision's COCO detector without its box predictor, or a detector
 * for exactly these classes.
 */
public final class StartingWeights {
    private StartingWeights() {
    }

    /** @return a one-line account of what was loaded */
    public static String apply(FasterRcnnDetector model, StartingPoint start, PretrainedWeights source) throws IOException {
        if (start instanceof StartingPoint.Scratch) return "started from scratch";
        if (start instanceof StartingPoint.ImageNetBackbone b) {
            Path file = source.resolve(b.source());
            StateDict sd = PthReader.readStateDict(file).filtered(k -> !k.startsWith("fc.")).renamed(k -> "backbone.body." + k);
            ModelState.LoadReport r = ModelState.load(model, sd, false, file.toString());
            List<String> bodyMissing = r.missing().stream().filter(k -> k.startsWith("backbone.body.")).toList();
            if (!bodyMissing.isEmpty()) {
                throw new IllegalArgumentException(file + ": not a torchvision ResNet of this depth: "
                    + bodyMissing.size() + " backbone weights missing, e.g. " + bodyMissing.get(0));
            }
            return "loaded " + r.loaded() + " ImageNet backbone tensors from " + file;
        }
        if (start instanceof StartingPoint.CocoDetector c) {
            Path file = source.resolve(c.source());
            StateDict sd = PthReader.readStateDict(file).filtered(k -> !k.startsWith("roi_heads.box_predictor."));
            ModelState.LoadReport r = ModelState.load(model, sd, false, file.toString());
            List<String> missing = r.missing().stream().filter(k -> !k.startsWith("roi_heads.box_predictor.")).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(file + ": not a Faster R-CNN with this backbone: " + missing.size()
                    + " weights missing, e.g. " + missing.get(0));
            }
            return "loaded " + r.loaded() + " detector tensors from " + file + " (box predictor new, for "
                + model.classNames().size() + " classes)";
        }
        StartingPoint.SameClassesDetector d = (StartingPoint.SameClassesDetector) start;
        Path file = source.resolve(d.source());
        StateDict sd = PthReader.readStateDict(file);
        // torchvision's BatchNorm counters have no place in frozen batch norm.
        sd = sd.filtered(k -> !k.endsWith("num_batches_tracked"));
        ModelState.LoadReport r = ModelState.load(model, sd, true, file.toString());
        return "loaded " + r.loaded() + " tensors from " + file;
    }
}
