package io.boxwork.engine.inference;

import io.boxwork.annotations.model.AnchorSettings;
import io.boxwork.engine.backbone.Backbone;
import io.boxwork.engine.backbone.Backbones;
import io.boxwork.engine.backbone.Normalization;
import io.boxwork.engine.backbone.TrainableLayers;
import io.boxwork.engine.detection.FasterRcnn;
import io.boxwork.engine.detection.FasterRcnnConfig;
import io.boxwork.engine.train.StartingPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to build: the backbone by torchvision's name ({@code resnet18_fpn} ... {@code resnet101_fpn}),
 * how many ResNet stages train, the classes, and the anchors and image sizes the project set.
 *
 * @param scoreThresh final detection score threshold; NaN keeps torchvision's 0.05
 */
public record DetectorSpec(String backbone, int trainableLayers, List<String> classNames, AnchorSettings anchors,
                           double scoreThresh, ProposalBudget proposals) {

    /**
     * How many proposals the RPN keeps and how many anchors / proposals the losses sample per
     * image. torchvision's numbers suit 800 px images; small images on a CPU train several times
     * faster with {@link #small()} and lose little.
     */
    public record ProposalBudget(int preNmsTopNTrain, int preNmsTopNTest, int postNmsTopNTrain, int postNmsTopNTest,
                                 int rpnBatchSizePerImage, int boxBatchSizePerImage) {
        public ProposalBudget {
            if (preNmsTopNTrain <= 0 || preNmsTopNTest <= 0 || postNmsTopNTrain <= 0 || postNmsTopNTest <= 0
                || rpnBatchSizePerImage <= 0 || boxBatchSizePerImage <= 0) {
                throw new IllegalArgumentException("proposal counts must be positive");
            }
        }

        public static ProposalBudget torchvision() {
            return new ProposalBudget(2000, 1000, 2000, 1000, 256, 512);
        }

        public static ProposalBudget small() {
            return new ProposalBudget(600, 300, 300, 150, 128, 128);
        }
    }
    private static final Pattern RESNET_FPN = Pattern.compile("resnet(18|34|50|101)_fpn");

    public DetectorSpec {
        if (!RESNET_FPN.matcher(backbone).matches()) {
            throw new IllegalArgumentException("unknown backbone '" + backbone + "'; known: resnet18_fpn, resnet34_fpn, resnet50_fpn, resnet101_fpn");
        }
        if (classNames.isEmpty()) throw new IllegalArgumentException("a detector needs at least one class");
        classNames = List.copyOf(classNames);
        if (proposals == null) proposals = ProposalBudget.torchvision();
    }

    public DetectorSpec(String backbone, int trainableLayers, List<String> classNames, AnchorSettings anchors, double scoreThresh) {
        this(backbone, trainableLayers, classNames, anchors, scoreThresh, ProposalBudget.torchvision());
    }

    public int depth() {
        Matcher m = RESNET_FPN.matcher(backbone);
        if (!m.matches()) throw new IllegalStateException(backbone);
        return Integer.parseInt(m.group(1));
    }

    /** torchvision's defaults with this spec's classes, anchors, image sizes and score threshold. */
    public FasterRcnnConfig config() {
        FasterRcnnConfig d = FasterRcnnConfig.defaults(classNames.size() + 1);
        List<List<Double>> ratios = new ArrayList<>();
        for (int l = 0; l < anchors.sizes().size(); l++) ratios.add(anchors.aspectRatios());
        List<String> featmaps = d.featmapNames();
        if (anchors.sizes().size() != 5) {
            throw new IllegalArgumentException("an FPN backbone has 5 feature levels (0..3 and pool) but the anchor settings give "
                + anchors.sizes().size());
        }
        return new FasterRcnnConfig(d.numClasses(), anchors.minSize(), anchors.maxSize(), d.imageMean(), d.imageStd(),
            anchors.sizes(), ratios, proposals.preNmsTopNTrain(), proposals.preNmsTopNTest(), proposals.postNmsTopNTrain(),
            proposals.postNmsTopNTest(), d.rpnNmsThresh(), d.rpnFgIouThresh(), d.rpnBgIouThresh(), proposals.rpnBatchSizePerImage(),
            d.rpnPositiveFraction(), d.rpnScoreThresh(), d.rpnMinBoxSize(), featmaps, d.roiOutputSize(), d.roiSamplingRatio(),
            d.canonicalScale(), d.canonicalLevel(), d.levelMapperEps(), d.representationSize(),
            Double.isNaN(scoreThresh) ? d.boxScoreThresh() : scoreThresh, d.boxNmsThresh(), d.boxDetectionsPerImg(),
            d.boxFgIouThresh(), d.boxBgIouThresh(), proposals.boxBatchSizePerImage(), d.boxPositiveFraction(), d.bboxRegWeights(),
            d.boxMinSize(), d.bboxXformClip(), d.smoothL1Beta(), d.rawCandidateMinScore(), d.rawCandidateLimit());
    }

    /** A new detector with fresh weights and frozen batch norm (for inference or fine-tuning); call outside any PointerScope. */
    public FasterRcnnDetector build() {
        return build(trainableLayers, Normalization.FROZEN);
    }

    /**
     * The detector a run from {@code start} trains, by torchvision's rule: from scratch every ResNet
     * stage trains with real batch norm (frozen identity statistics would leave a fresh ResNet
     * unnormalised and it would hardly learn); from trained weights, frozen batch norm and this
     * spec's trainable layers.
     */
    public FasterRcnnDetector buildForTraining(StartingPoint start) {
        boolean scratch = start instanceof StartingPoint.Scratch;
        return scratch ? build(TrainableLayers.MAX, Normalization.BATCH) : build(trainableLayers, Normalization.FROZEN);
    }

    private FasterRcnnDetector build(int layers, Normalization norm) {
        Backbone b = Backbones.resnetFpn(depth(), layers, norm);
        return new FasterRcnnDetector(new FasterRcnn(b, config()), classNames);
    }
}
