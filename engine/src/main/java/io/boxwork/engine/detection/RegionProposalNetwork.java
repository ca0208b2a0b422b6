package io.boxwork.engine.detection;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.boxwork.engine.detection.Tensors.scalar;

/**
 * torchvision's {@code RegionProposalNetwork}: the head scores every anchor, the best
 * {@code preNmsTopN} per level are decoded, clipped, cleaned of tiny boxes and reduced by NMS within
 * each level; in training the anchors are matched to the ground truth for the objectness and box
 * losses. Registers only {@code head}, so its keys are {@code rpn.head.*} inside the detector.
 */
public final class RegionProposalNetwork extends Module {

    /** Proposals per image (by decreasing objectness) and, in training, the two RPN losses. */
    public record Output(List<Tensor> boxes, List<Tensor> scores, LinkedHashMap<String, Tensor> losses) {
    }

    /** Reduction codes of {@code at::Reduction}. */
    static final long REDUCTION_SUM = 2;

    private final AnchorGenerator anchorGenerator;
    private final RpnHead head;
    private final BoxCoder boxCoder;
    private final Matcher proposalMatcher;
    private final BalancedPositiveNegativeSampler fgBgSampler;
    private final int preNmsTopNTrain;
    private final int preNmsTopNTest;
    private final int postNmsTopNTrain;
    private final int postNmsTopNTest;
    private final double nmsThresh;
    private final double scoreThresh;
    private final double minSize;
    private final double smoothL1Beta;

    public RegionProposalNetwork(AnchorGenerator anchorGenerator, RpnHead head, FasterRcnnConfig config,
                                 BalancedPositiveNegativeSampler sampler) {
        this.anchorGenerator = anchorGenerator;
        this.head = register_module("head", head);
        this.boxCoder = new BoxCoder(1, 1, 1, 1, config.bboxXformClip());
        this.proposalMatcher = new Matcher(config.rpnFgIouThresh(), config.rpnBgIouThresh(), true);
        this.fgBgSampler = sampler;
        this.preNmsTopNTrain = config.rpnPreNmsTopNTrain();
        this.preNmsTopNTest = config.rpnPreNmsTopNTest();
        this.postNmsTopNTrain = config.rpnPostNmsTopNTrain();
        this.postNmsTopNTest = config.rpnPostNmsTopNTest();
        this.nmsThresh = config.rpnNmsThresh();
        this.scoreThresh = config.rpnScoreThresh();
        this.minSize = config.rpnMinBoxSize();
        this.smoothL1Beta = config.smoothL1Beta();
    }

    /** The RPN of {@code config} over feature maps of {@code inChannels} channels. */
    public static RegionProposalNetwork of(FasterRcnnConfig config, long inChannels,
                                           BalancedPositiveNegativeSampler sampler) {
        AnchorGenerator anchors = new AnchorGenerator(config.anchorSizes(), config.aspectRatios());
        int perLocation = anchors.numAnchorsPerLocation().get(0);
        if (anchors.numAnchorsPerLocation().stream().anyMatch(n -> n != perLocation)) {
            throw new IllegalArgumentException("The shared RPN head needs the same number of anchors at every level, got "
                    + anchors.numAnchorsPerLocation());
        }
        return new RegionProposalNetwork(anchors, new RpnHead(inChannels, perLocation), config, sampler);
    }

    /** The RPN of {@code config} sampling with LibTorch's default generator. */
    public static RegionProposalNetwork of(FasterRcnnConfig config, long inChannels) {
        return of(config, inChannels, new BalancedPositiveNegativeSampler(
                config.rpnBatchSizePerImage(), config.rpnPositiveFraction(), null));
    }

    public RpnHead head() {
        return head;
    }

    public AnchorGenerator anchorGenerator() {
        return anchorGenerator;
    }

    private int preNmsTopN() {
        return is_training() ? preNmsTopNTrain : preNmsTopNTest;
    }

    private int postNmsTopN() {
        return is_training() ? postNmsTopNTrain : postNmsTopNTest;
    }

    /**
     * @param targets ground truth per image, required in training, ignored otherwise
     */
    public Output forward(ImageList images, Map<String, Tensor> features, List<Target> targets) {
        List<Tensor> featureList = new ArrayList<>(features.values());
        RpnHead.Outputs out = head.forward(featureList);
        List<Tensor> anchors = anchorGenerator.forward(images, featureList);

        int numImages = anchors.size();
        List<Long> numAnchorsPerLevel = new ArrayList<>();
        for (Tensor o : out.objectness()) {
            numAnchorsPerLevel.add(o.size(1) * o.size(2) * o.size(3));
        }
        Tensor[] flat = concatBoxPredictionLayers(out.objectness(), out.boxDeltas());
        Tensor objectness = flat[0];
        Tensor predBboxDeltas = flat[1];

        Tensor proposals = boxCoder.decode(predBboxDeltas.detach(), anchors).view(numImages, -1, 4);
        Output filtered = filterProposals(proposals, objectness, images.imageSizes(), numAnchorsPerLevel);

        LinkedHashMap<String, Tensor> losses = new LinkedHashMap<>();
        if (is_training()) {
            if (targets == null) {
                throw new IllegalArgumentException("The RPN needs targets in training mode");
            }
            List<Tensor> labels = new ArrayList<>();
            List<Tensor> regressionTargets = new ArrayList<>();
            for (int i = 0; i < numImages; i++) {
                Tensor[] assigned = assignTargetsToAnchors(anchors.get(i), targets.get(i));
                labels.add(assigned[0]);
                regressionTargets.add(boxCoder.encode(assigned[1], anchors.get(i)));
            }
            Tensor[] l = computeLoss(objectness, predBboxDeltas, labels, regressionTargets);
            losses.put("loss_objectness", l[0]);
            losses.put("loss_rpn_box_reg", l[1]);
        }
        return new Output(filtered.boxes(), filtered.scores(), losses);
    }

    /** Flattens per-level {@code N x A*C x H x W} maps into {@code N*sum(HWA) x C}, anchor order matching the generator. */
    static Tensor[] concatBoxPredictionLayers(List<Tensor> boxCls, List<Tensor> boxRegression) {
        List<Tensor> clsFlat = new ArrayList<>();
        List<Tensor> regFlat = new ArrayList<>();
        for (int level = 0; level < boxCls.size(); level++) {
            Tensor cls = boxCls.get(level);
            Tensor reg = boxRegression.get(level);
            long n = cls.size(0), axc = cls.size(1), h = cls.size(2), w = cls.size(3);
            long a = reg.size(1) / 4;
            long c = axc / a;
            clsFlat.add(permuteAndFlatten(cls, n, c, h, w));
            regFlat.add(permuteAndFlatten(reg, n, 4, h, w));
        }
        Tensor cls = Tensors.cat(clsFlat, 1).flatten(0, -2);
        Tensor reg = Tensors.cat(regFlat, 1).reshape(-1, 4);
        return new Tensor[]{cls, reg};
    }

    private static Tensor permuteAndFlatten(Tensor layer, long n, long c, long h, long w) {
        return layer.view(n, -1, c, h, w).permute(0, 3, 4, 1, 2).reshape(n, -1, c);
    }

    Output filterProposals(Tensor proposals, Tensor objectness, List<long[]> imageSizes,
                           List<Long> numAnchorsPerLevel) {
        long numImages = proposals.size(0);
        Tensor scoresAll = objectness.detach().reshape(numImages, -1);

        List<Tensor> levelIds = new ArrayList<>();
        List<Tensor> topIdx = new ArrayList<>();
        long offset = 0;
        for (int level = 0; level < numAnchorsPerLevel.size(); level++) {
            long count = numAnchorsPerLevel.get(level);
            Tensor ob = scoresAll.narrow(1, offset, count);
            long k = Math.min(preNmsTopN(), count);
            topIdx.add(torch.topk(ob, k, 1, true, true).get1().add(new org.bytedeco.pytorch.Scalar(offset)));
            levelIds.add(torch.full(new long[]{k}, scalar(level), Tensors.options(scoresAll, torch.ScalarType.Long)));
            offset += count;
        }
        Tensor top = Tensors.cat(topIdx, 1);
        Tensor levels = Tensors.cat(levelIds, 0);

        List<Tensor> finalBoxes = new ArrayList<>();
        List<Tensor> finalScores = new ArrayList<>();
        for (int i = 0; i < numImages; i++) {
            Tensor idx = top.select(0, i);
            Tensor boxes = proposals.select(0, i).index_select(0, idx);
            Tensor scores = scoresAll.select(0, i).index_select(0, idx).sigmoid();
            Tensor lvl = levels;
            long[] size = imageSizes.get(i);
            boxes = BoxOps.clipBoxesToImage(boxes, size[0], size[1]);

            Tensor keep = BoxOps.removeSmallBoxes(boxes, minSize);
            boxes = boxes.index_select(0, keep);
            scores = scores.index_select(0, keep);
            lvl = lvl.index_select(0, keep);

            keep = Tensors.where(scores.ge(scalar(scoreThresh)));
            boxes = boxes.index_select(0, keep);
            scores = scores.index_select(0, keep);
            lvl = lvl.index_select(0, keep);

            keep = BoxOps.batchedNms(boxes, scores, lvl, nmsThresh);
            keep = keep.narrow(0, 0, Math.min(postNmsTopN(), keep.size(0)));
            finalBoxes.add(boxes.index_select(0, keep));
            finalScores.add(scores.index_select(0, keep));
        }
        return new Output(finalBoxes, finalScores, new LinkedHashMap<>());
    }

    /** @return {labels (1 fg, 0 bg, -1 ignored) as float, matched ground-truth box per anchor} */
    Tensor[] assignTargetsToAnchors(Tensor anchors, Target target) {
        Tensor gtBoxes = target.boxes();
        if (gtBoxes.numel() == 0) {
            TensorOptions floats = Tensors.options(anchors, torch.ScalarType.Float);
            return new Tensor[]{torch.zeros(new long[]{anchors.size(0)}, floats),
                    torch.zeros(new long[]{anchors.size(0), 4}, floats)};
        }
        Tensor matchedIdxs = proposalMatcher.match(BoxOps.boxIou(gtBoxes, anchors));
        Tensor matchedGtBoxes = gtBoxes.index_select(0, matchedIdxs.clamp(new org.bytedeco.pytorch.ScalarOptional(new org.bytedeco.pytorch.Scalar(0L)), Tensors.none()));
        Tensor labels = matchedIdxs.ge(scalar(0)).to(torch.ScalarType.Float);
        labels.masked_fill_(matchedIdxs.eq(scalar(Matcher.BELOW_LOW_THRESHOLD)), scalar(0.0));
        labels.masked_fill_(matchedIdxs.eq(scalar(Matcher.BETWEEN_THRESHOLDS)), scalar(-1.0));
        return new Tensor[]{labels, matchedGtBoxes};
    }

    /** @return {objectness loss (BCE over sampled anchors), box loss (smooth L1 over sampled positives / sampled count)} */
    Tensor[] computeLoss(Tensor objectness, Tensor predBboxDeltas, List<Tensor> labels,
                         List<Tensor> regressionTargets) {
        BalancedPositiveNegativeSampler.Sample sample = fgBgSampler.sample(labels);
        Tensor sampledPos = Tensors.where(Tensors.cat(sample.positive(), 0));
        Tensor sampledNeg = Tensors.where(Tensors.cat(sample.negative(), 0));
        Tensor sampled = Tensors.cat(List.of(sampledPos, sampledNeg), 0);

        Tensor flatObjectness = objectness.flatten();
        Tensor allLabels = Tensors.cat(labels, 0);
        Tensor allTargets = Tensors.cat(regressionTargets, 0);

        Tensor boxLoss = torch.smooth_l1_loss(
                predBboxDeltas.index_select(0, sampledPos),
                allTargets.index_select(0, sampledPos),
                REDUCTION_SUM, smoothL1Beta).div(scalar(sampled.numel()));
        Tensor objectnessLoss = torch.binary_cross_entropy_with_logits(
                flatObjectness.index_select(0, sampled), allLabels.index_select(0, sampled));
        return new Tensor[]{objectnessLoss, boxLoss};
    }
}
