package io.boxwork.app.train;

import io.boxwork.engine.inference.DetectorSpec;
import io.boxwork.engine.inference.FasterRcnnDetector;
import io.boxwork.engine.inference.StartingWeights;
import io.boxwork.engine.train.PretrainedWeights;
import io.boxwork.engine.train.StartingPoint;
import io.boxwork.engine.train.TrainConfig;

import java.io.IOException;
import java.util.List;

/** Builds the engine's torchvision-compatible Faster R-CNN for a run, as the CLI's {@code train} does. */
public final class FasterRcnnDetectors {
    private FasterRcnnDetectors() {
    }

    /** With the run's own proposal budget, as the Train form set it or the run's checkpoint recorded it. */
    public static DetectorFactory standard() {
        return FasterRcnnDetectors::build;
    }

    private static FasterRcnnDetector build(TrainConfig config, List<String> classNames) throws IOException {
        FasterRcnnDetector model = new DetectorSpec(config.backbone(), config.trainableLayers(), classNames, config.anchors(),
            Double.NaN, config.proposals()).buildForTraining(config.start());
        if (!(config.start() instanceof StartingPoint.Scratch)) {
            StartingWeights.apply(model, config.start(), PretrainedWeights.userCache());
        }
        return model;
    }
}
