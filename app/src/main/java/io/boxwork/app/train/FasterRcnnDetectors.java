package io.boxwork.app.train;

import io.boxwork.engine.inference.DetectorSpec;
import io.boxwork.engine.inference.FasterRcnnDetector;
import io.boxwork.engine.inference.StartingWeights;
import io.boxwork.engine.train.PretrainedWeights;
import io.boxwork.engine.train.StartingPoint;

/** Builds the engine's torchvision-compatible Faster R-CNN for a run, as the CLI's {@code train} does. */
public final class FasterRcnnDetectors {
    private FasterRcnnDetectors() {
    }

    /** torchvision's proposal budget: what the app trains and reviews with. */
    public static DetectorFactory standard() {
        return with(DetectorSpec.ProposalBudget.torchvision());
    }

    /** A smaller proposal budget (the CLI's {@code --small-proposals}): quicker steps on small images. */
    public static DetectorFactory with(DetectorSpec.ProposalBudget proposals) {
        return (config, classNames) -> {
            FasterRcnnDetector model = new DetectorSpec(config.backbone(), config.trainableLayers(), classNames, config.anchors(),
                Double.NaN, proposals).buildForTraining(config.start());
            if (!(config.start() instanceof StartingPoint.Scratch)) {
                StartingWeights.apply(model, config.start(), PretrainedWeights.userCache());
            }
            return model;
        };
    }
}
