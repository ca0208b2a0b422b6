package io.boxwork.app.train;

import io.boxwork.engine.inference.DetectorModel;
import io.boxwork.engine.train.TrainConfig;

import java.io.IOException;
import java.util.List;

/**
 * Builds the detector a run trains or a review loads: the backbone, anchors and sizes of
 * {@code config}, a predictor for {@code classNames}, and the starting weights of
 * {@code config.start()} already loaded. Called on a background thread.
 */
@FunctionalInterface
public interface DetectorFactory {
    DetectorModel create(TrainConfig config, List<String> classNames) throws IOException;
}
