package io.boxwork.engine.cli;

import io.boxwork.engine.inference.LoadedModel;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** How {@code predict} and {@code eval} find and shape a trained detector. */
final class ModelOptions {
    @Option(names = "--weights", paramLabel = "<pth>", description = "a Boxwork checkpoint (best.pth / last.pth) or a torchvision Faster R-CNN state dict")
    Path weights;

    @Option(names = "--backbone", description = "resnet18_fpn, resnet34_fpn, resnet50_fpn, resnet101_fpn (default: from the checkpoint, else resnet50_fpn)")
    String backbone;

    @Option(names = "--num-classes", description = "outputs including the background, as torchvision counts (default: from the weights)")
    Integer numClasses;

    @Option(names = "--min-size", description = "short side the images are resized to (default: from the checkpoint, else 800)")
    Integer minSize;

    @Option(names = "--max-size", description = "cap on the long side (default: from the checkpoint, else 1333)")
    Integer maxSize;

    @Option(names = "--score-thresh", description = "final detection score threshold (default 0.05)")
    Double scoreThresh;

    @Option(names = "--device", defaultValue = "auto", description = EngineSetup.DEVICE_HELP)
    String device;

    @Option(names = "--threads", defaultValue = "0", description = "LibTorch intra-op threads (default: all cores)")
    int threads;

    LoadedModel.Overrides overrides() {
        return new LoadedModel.Overrides(backbone, numClasses, minSize, maxSize, scoreThresh, null);
    }

    Path requireWeights() {
        if (weights == null) throw new IllegalArgumentException("--weights <pth> is required");
        return weights;
    }
}
