package io.boxwork.engine.detection;

import io.boxwork.engine.backbone.Backbone;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.Module;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * torchvision's {@code FasterRCNN} ({@code GeneralizedRCNN}): transform, backbone, RPN, RoI heads,
 * postprocess. Registers {@code backbone}, {@code rpn} and {@code roi_heads}, so its state-dict keys
 * are torchvision's. Images are float {@code 3 x H x W} tensors with values in [0, 1]; boxes in and
 * out are in each image's original pixels.
 */
public final class FasterRcnn extends Module {

    /** One image's final detections and the raw candidates they were selected from, both in original pixels. */
    public record Prediction(Detections detections, RawCandidates candidates) {
    }

    private final FasterRcnnConfig config;
    private final GeneralizedRcnnTransform transform;
    private final Backbone backbone;
    private final RegionProposalNetwork rpn;
    private final RoiHeads roiHeads;

    public FasterRcnn(Backbone backbone, FasterRcnnConfig config, BalancedPositiveNegativeSampler rpnSampler,
                      BalancedPositiveNegativeSampler boxSampler) {
        this.config = config;
        this.transform = new GeneralizedRcnnTransform(List.of(config.minSize()), config.maxSize(),
                floats(config.imageMean()), floats(config.imageStd()), 32);
        this.backbone = register_module("backbone", backbone);
        this.rpn = register_module("rpn", RegionProposalNetwork.of(config, backbone.outChannels(), rpnSampler));
        this.roiHeads = register_module("roi_heads", RoiHeads.of(config, backbone.outChannels(), boxSampler));
    }

    /** The detector of {@code config} sampling with LibTorch's default generator. */
    public FasterRcnn(Backbone backbone, FasterRcnnConfig config) {
        this(backbone, config,
                new BalancedPositiveNegativeSampler(config.rpnBatchSizePerImage(), config.rpnPositiveFraction(), null),
                new BalancedPositiveNegativeSampler(config.boxBatchSizePerImage(), config.boxPositiveFraction(), null));
    }

    private static float[] floats(List<Double> values) {
        float[] f = new float[values.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = values.get(i).floatValue();
        }
        return f;
    }

    public FasterRcnnConfig config() {
        return config;
    }

    public GeneralizedRcnnTransform transform() {
        return transform;
    }

    public Backbone backbone() {
        return backbone;
    }

    public RegionProposalNetwork rpn() {
        return rpn;
    }

    public RoiHeads roiHeads() {
        return roiHeads;
    }

    /** Final detections per image, torchvision's inference output (call {@code eval()} first). */
    public List<Detections> detect(List<Tensor> images) {
        List<Detections> out = new ArrayList<>();
        for (Prediction p : predict(images)) {
            out.add(p.detections());
        }
        return out;
    }

    /** Final detections and raw candidates per image (call {@code eval()} first). */
    public List<Prediction> predict(List<Tensor> images) {
        if (is_training()) {
            throw new IllegalStateException("FasterRcnn.predict needs eval mode; the model is in training mode");
        }
        TransformedBatch batch = transform.apply(images, List.of());
        ImageList imageList = batch.images();
        LinkedHashMap<String, Tensor> features = backbone.features(imageList.tensors());
        RegionProposalNetwork.Output proposals = rpn.forward(imageList, features, null);
        RoiHeads.Output heads = roiHeads.forward(features, proposals.boxes(), imageList.imageSizes(), null);

        List<Tensor> detectionBoxes = new ArrayList<>();
        List<Tensor> candidateBoxes = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            detectionBoxes.add(heads.detections().get(i).boxes());
            candidateBoxes.add(heads.candidates().get(i).boxes());
        }
        List<Tensor> originalDetections = transform.postprocess(detectionBoxes, imageList.imageSizes(),
                batch.originalSizes());
        List<Tensor> originalCandidates = transform.postprocess(candidateBoxes, imageList.imageSizes(),
                batch.originalSizes());
        List<Prediction> out = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Detections d = heads.detections().get(i);
            RoiHeads.Candidates c = heads.candidates().get(i);
            out.add(new Prediction(new Detections(originalDetections.get(i), d.scores(), d.labels()),
                    new RoiHeads.Candidates(originalCandidates.get(i), c.scores(), c.labels()).toRaw()));
        }
        return out;
    }

    /**
     * The four training losses, named as torchvision names them (call {@code train(true)} first).
     *
     * @param targets per image, boxes in original pixels
     * @param random  picks the training scale when the transform has several
     */
    public LinkedHashMap<String, Tensor> losses(List<Tensor> images, List<Target> targets, RandomGenerator random) {
        if (!is_training()) {
            throw new IllegalStateException("FasterRcnn.losses needs training mode; the model is in eval mode");
        }
        if (targets.size() != images.size()) {
            throw new IllegalArgumentException("Got " + images.size() + " images but " + targets.size() + " targets");
        }
        List<Tensor> boxes = new ArrayList<>();
        for (Target t : targets) {
            boxes.add(t.boxes());
        }
        TransformedBatch batch = transform.applyForTraining(images, boxes, random);
        List<Target> resized = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            resized.add(new Target(batch.boxes().get(i), targets.get(i).labels()));
        }
        ImageList imageList = batch.images();
        LinkedHashMap<String, Tensor> features = backbone.features(imageList.tensors());
        RegionProposalNetwork.Output proposals = rpn.forward(imageList, features, resized);
        RoiHeads.Output heads = roiHeads.forward(features, proposals.boxes(), imageList.imageSizes(), resized);
        // torchvision's order: detector losses first, then the RPN's.
        LinkedHashMap<String, Tensor> losses = new LinkedHashMap<>(heads.losses());
        losses.putAll(proposals.losses());
        return losses;
    }
}
