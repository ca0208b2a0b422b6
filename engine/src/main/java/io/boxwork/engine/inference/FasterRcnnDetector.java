package io.boxwork.engine.inference;

import io.boxwork.engine.backbone.Backbone;
import io.boxwork.engine.detection.BalancedPositiveNegativeSampler;
import io.boxwork.engine.detection.AnchorGenerator;
import io.boxwork.engine.detection.Detections;
import io.boxwork.engine.detection.FastRcnnPredictor;
import io.boxwork.engine.detection.FasterRcnnConfig;
import io.boxwork.engine.detection.GeneralizedRcnnTransform;
import io.boxwork.engine.detection.ImageList;
import io.boxwork.engine.detection.MultiScaleRoiAlign;
import io.boxwork.engine.detection.RawCandidates;
import io.boxwork.engine.detection.RegionProposalNetwork;
import io.boxwork.engine.detection.RoiHeads;
import io.boxwork.engine.detection.RpnHead;
import io.boxwork.engine.detection.Target;
import io.boxwork.engine.detection.TransformedBatch;
import io.boxwork.engine.detection.TwoMlpHead;
import io.boxwork.engine.tensor.Tensors;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * torchvision's {@code FasterRCNN} as {@code generalized_rcnn.py} composes it: transform →
 * backbone → RPN → RoI heads → postprocess. Modules are registered as {@code backbone},
 * {@code rpn} and {@code roi_heads}, so the state-dict keys are torchvision's.
 *
 * <p>Build it outside any {@code PointerScope}; run each call inside one.
 */
public final class FasterRcnnDetector extends Module implements DetectorModel {
    private final Backbone backbone;
    private final RegionProposalNetwork rpn;
    private final RoiHeads roiHeads;
    private final GeneralizedRcnnTransform transform;
    private final FasterRcnnConfig config;
    private final List<String> classNames;

    public FasterRcnnDetector(Backbone backbone, FasterRcnnConfig config, List<String> classNames) {
        if (classNames.size() + 1 != config.numClasses()) {
            throw new IllegalArgumentException(classNames.size() + " class names for a detector of " + config.numClasses()
                + " outputs (background included)");
        }
        this.config = config;
        this.classNames = List.copyOf(classNames);
        this.backbone = register_module("backbone", backbone);
        int anchorsPerLocation = config.anchorSizes().get(0).size() * config.aspectRatios().get(0).size();
        for (int l = 0; l < config.anchorSizes().size(); l++) {
            if (config.anchorSizes().get(l).size() * config.aspectRatios().get(l).size() != anchorsPerLocation) {
                throw new IllegalArgumentException("every feature level needs the same number of anchors per location (the RPN head is shared)");
            }
        }
        // A null generator: the samplers draw from LibTorch's default one, which the trainer seeds per step.
        this.rpn = register_module("rpn", new RegionProposalNetwork(
            new AnchorGenerator(config.anchorSizes(), config.aspectRatios()),
            new RpnHead(backbone.outChannels(), anchorsPerLocation), config,
            new BalancedPositiveNegativeSampler(config.rpnBatchSizePerImage(), config.rpnPositiveFraction(), null)));
        long pooled = backbone.outChannels() * config.roiOutputSize() * config.roiOutputSize();
        this.roiHeads = register_module("roi_heads", new RoiHeads(MultiScaleRoiAlign.of(config),
            new TwoMlpHead(pooled, config.representationSize()),
            new FastRcnnPredictor(config.representationSize(), config.numClasses()), config,
            new BalancedPositiveNegativeSampler(config.boxBatchSizePerImage(), config.boxPositiveFraction(), null)));
        this.transform = new GeneralizedRcnnTransform(List.of(config.minSize()), config.maxSize(),
            floats(config.imageMean()), floats(config.imageStd()), 32);
    }

    private static float[] floats(List<Double> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = values.get(i).floatValue();
        return out;
    }

    public FasterRcnnConfig config() {
        return config;
    }

    @Override
    public Module module() {
        return this;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public Map<String, Tensor> losses(List<Tensor> images, List<Target> targets, RandomGenerator random) {
        List<Tensor> boxes = targets.stream().map(Target::boxes).toList();
        TransformedBatch batch = transform.applyForTraining(images, boxes, random);
        List<Target> resized = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) resized.add(new Target(batch.boxes().get(i), targets.get(i).labels()));
        Map<String, Tensor> features = backbone.features(batch.images().tensors());
        RegionProposalNetwork.Output proposals = rpn.forward(batch.images(), features, resized);
        RoiHeads.Output detector = roiHeads.forward(features, proposals.boxes(), batch.images().imageSizes(), resized);
        // torchvision's order: detector losses, then proposal losses.
        Map<String, Tensor> losses = new LinkedHashMap<>(detector.losses());
        losses.putAll(proposals.losses());
        return losses;
    }

    @Override
    public List<ImageResult> detect(List<Tensor> images) {
        ImageList list = transform.apply(images);
        Map<String, Tensor> features = backbone.features(list.tensors());
        RegionProposalNetwork.Output proposals = rpn.forward(list, features, null);
        RoiHeads.Output out = roiHeads.forward(features, proposals.boxes(), list.imageSizes(), null);
        List<long[]> originals = images.stream().map(Tensors::heightWidth).toList();
        List<Tensor> detBoxes = transform.postprocess(out.detections().stream().map(Detections::boxes).toList(), list.imageSizes(), originals);
        List<Tensor> candBoxes = transform.postprocess(out.candidates().stream().map(RoiHeads.Candidates::boxes).toList(), list.imageSizes(), originals);
        List<ImageResult> results = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Detections d = out.detections().get(i);
            RoiHeads.Candidates c = out.candidates().get(i);
            RawCandidates raw = new RoiHeads.Candidates(candBoxes.get(i), c.scores(), c.labels()).toRaw();
            results.add(new ImageResult(new Detections(detBoxes.get(i), d.scores(), d.labels()), raw));
        }
        return results;
    }
}
