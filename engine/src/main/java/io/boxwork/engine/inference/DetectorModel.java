package io.boxwork.engine.inference;

import io.boxwork.engine.detection.Detections;
import io.boxwork.engine.detection.RawCandidates;
import io.boxwork.engine.detection.Target;
import io.boxwork.engine.device.ComputeDevice;
import io.boxwork.engine.device.Devices;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What training and prediction need from a detector: a module holding the weights, named
 * losses in training mode, and per-image detections plus raw candidates in evaluation mode.
 * Images are {@code 3 x H x W} floats in [0, 1] at their own size; boxes are in their pixels.
 * Images and targets go in on the model's {@link #device()}; results come out on it too.
 */
public interface DetectorModel {

    Module module();

    /** Class names by detector label 1..K. */
    List<String> classNames();

    /**
     * Moves every parameter and buffer to {@code device} in place, so handles already taken on
     * them (an optimizer's, a module's own) follow. Call before building a trainer: its momentum
     * buffers are made next to the parameters and stay where they were made.
     */
    default void to(ComputeDevice device) {
        module().to(device.device(), false);
    }

    /** Where the weights are: where inputs must go and where results come out. */
    default Device device() {
        return Devices.of(module());
    }

    /** Training forward (the caller sets train mode): torchvision's loss dict. */
    Map<String, Tensor> losses(List<Tensor> images, List<Target> targets, RandomGenerator random);

    /**
     * The mode for a loss on held-out images: heads in training mode (only there do they give
     * losses), the backbone in evaluation mode so that batch norm neither uses nor learns the
     * statistics of those images.
     */
    default void heldOutLossMode() {
        module().train(true);
    }

    /** Evaluation forward (the caller sets eval mode and no-grad): one result per image, in original pixels. */
    List<ImageResult> detect(List<Tensor> images);

    /** Final detections and the raw candidates they were selected from. */
    record ImageResult(Detections detections, RawCandidates candidates) {
    }
}
