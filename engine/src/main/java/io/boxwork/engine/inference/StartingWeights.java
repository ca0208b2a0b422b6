package io.boxwork.engine.inference;

import io.boxwork.engine.train.PretrainedWeights;
import io.boxwork.engine.train.StartingPoint;
import io.boxwork.engine.weights.BackboneKeys;
import io.boxwork.engine.weights.KeyFilter;
import io.boxwork.engine.weights.LoadMode;
import io.boxwork.engine.weights.LoadReport;
import io.boxwork.engine.weights.PthReader;
import io.boxwork.engine.weights.StateDict;
import io.boxwork.engine.weights.WeightLoader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Puts a starting point's weights into a freshly built detector through the weights loader
 * (which also renames torchvision's older key layouts): an ImageNet ResNet under
 * {@code backbone.body.}, torchvision's COCO detector without its box predictor, or a detector
 * for exactly these classes.
 */
public final class StartingWeights {
    private StartingWeights() {
    }

    /** @return a one-line account of what was loaded */
    public static String apply(FasterRcnnDetector detector, StartingPoint start, PretrainedWeights source) throws IOException {
        if (start instanceof StartingPoint.Scratch) return "started from scratch";
        if (start instanceof StartingPoint.ImageNetBackbone b) {
            Path file = source.resolve(b.source());
            StateDict sd = BackboneKeys.fromImageNetClassifier(PthReader.readStateDict(file));
            LoadReport r = WeightLoader.load(detector.module(), sd, LoadMode.PARTIAL, KeyFilter.backboneOnly(), file.toString());
            List<String> bodyMissing = r.missing().stream().filter(k -> k.startsWith(BackboneKeys.BODY_PREFIX)).toList();
            if (!bodyMissing.isEmpty() || !r.mismatched().isEmpty()) {
                throw new IllegalArgumentException(file + ": not a torchvision ResNet of this backbone's depth: " + r.summary());
            }
            return "loaded " + r.loaded().size() + " ImageNet backbone tensors from " + file;
        }
        if (start instanceof StartingPoint.CocoDetector c) {
            Path file = source.resolve(c.source());
            LoadReport r = WeightLoader.load(detector.module(), PthReader.readStateDict(file), LoadMode.PARTIAL,
                KeyFilter.allButPredictor(), file.toString());
            List<String> missing = r.missing().stream().filter(k -> !k.startsWith(KeyFilter.PREDICTOR_PREFIX)).toList();
            if (!missing.isEmpty() || !r.mismatched().isEmpty()) {
                throw new IllegalArgumentException(file + ": not a Faster R-CNN with this backbone: " + r.summary());
            }
            return "loaded " + r.loaded().size() + " detector tensors from " + file + " (box predictor new, for "
                + detector.classNames().size() + " classes)";
        }
        StartingPoint.SameClassesDetector d = (StartingPoint.SameClassesDetector) start;
        Path file = source.resolve(d.source());
        LoadReport r = WeightLoader.load(detector.module(), PthReader.readStateDict(file), LoadMode.STRICT, KeyFilter.everything(),
            file.toString());
        return "loaded " + r.loaded().size() + " tensors from " + file;
    }
}
