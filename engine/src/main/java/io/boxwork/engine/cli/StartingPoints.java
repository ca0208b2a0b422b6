package io.boxwork.engine.cli;

import io.boxwork.engine.train.PretrainedWeights;
import io.boxwork.engine.train.StartingPoint;
import io.boxwork.engine.weights.PthReader;
import io.boxwork.engine.weights.StateDict;

import java.io.IOException;
import java.nio.file.Path;

/** {@code train --weights}: a short name, URL or file, told apart by what it holds unless {@code --weights-kind} says. */
final class StartingPoints {
    private StartingPoints() {
    }

    static StartingPoint of(String weights, String kind, PretrainedWeights cache) throws IOException {
        if (weights == null || weights.isBlank() || weights.equals("none") || weights.equals("scratch")) return new StartingPoint.Scratch();
        switch (kind) {
            case "imagenet": return new StartingPoint.ImageNetBackbone(weights);
            case "coco": return new StartingPoint.CocoDetector(weights);
            case "detector": return new StartingPoint.SameClassesDetector(weights);
            case "auto": break;
            default: throw new IllegalArgumentException("unknown --weights-kind '" + kind + "'; use auto, imagenet, coco or detector");
        }
        if (weights.startsWith("resnet")) return new StartingPoint.ImageNetBackbone(weights);
        if (weights.startsWith("fasterrcnn")) return new StartingPoint.CocoDetector(weights);
        Path file = cache.resolve(weights);
        StateDict sd = PthReader.readStateDict(file);
        if (sd.contains("roi_heads.box_predictor.cls_score.weight")) return new StartingPoint.CocoDetector(file.toString());
        if (sd.contains("layer1.0.conv1.weight")) return new StartingPoint.ImageNetBackbone(file.toString());
        throw new IllegalArgumentException(file + ": neither a torchvision ResNet (layer1.0.conv1.weight) nor a Faster R-CNN "
            + "(roi_heads.box_predictor.*); say which with --weights-kind");
    }
}
