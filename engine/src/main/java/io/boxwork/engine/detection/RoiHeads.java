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
 * torchvision's {@code RoIHeads} for boxes: pools each proposal, runs the box head and predictor; in
 * training samples proposals against the ground truth for {@code fastrcnn_loss}, in inference turns
 * the per-class predictions into detections. Registers {@code box_head} and {@code box_predictor},
 * so its keys are {@code roi_heads.box_head.*} and {@code roi_heads.box_predictor.*}.
 */
public final class RoiHeads extends Module {

    /**
     * Per-class boxes of one image before the detection threshold and NMS, in torchvision's order
     * (proposal-major, then class).
     */
    public record Candidates(Tensor boxes, Tensor scores, Tensor labels) {

        public RawCandidates toRaw() {
            long[] l = Tensors.longArray(labels);
            int[] ints = new int[l.length];
            for (int i = 0; i < l.length; i++) {
                ints[i] = (int) l[i];
            }
            return new RawCandidates(Tensors.floats(boxes), Tensors.floats(scores), ints);
        }
    }

    /** Detections and raw candidates per image in inference, the two box losses in training. */
    public record Output(List<Detections> detections, List<Candidates> candidates,
                         LinkedHashMap<String, Tensor> losses) {
    }

    /** Reduction code of {@code at::Reduction::Sum}. */
    private static final long REDUCTION_SUM = 2;

    private final MultiScaleRoiAlign boxRoiPool;
    private final TwoMlpHead boxHead;
    private final FastRcnnPredictor boxPredictor;
    private final Matcher proposalMatcher;
    private final BalancedPositiveNegativeSampler fgBgSampler;
    private final BoxCoder boxCoder;
    private final FasterRcnnConfig config;

    public RoiHeads(MultiScaleRoiAlign boxRoiPool, TwoMlpHead boxHead, FastRcnnPredictor boxPredictor,
                    FasterRcnnConfig config, BalancedPositiveNegativeSampler sampler) {
        this.boxRoiPool = boxRoiPool;
        this.boxHead = register_module("box_head", boxHead);
        this.boxPredictor = register_module("box_predictor", boxPredictor);
        this.proposalMatcher = new Matcher(config.boxFgIouThresh(), config.boxBgIouThresh(), false);
        this.fgBgSampler = sampler;
        this.boxCoder = new BoxCoder(config.bboxRegWeights(), config.bboxXformClip());
        this.config = config;
    }

    /** The box branch of {@code config} over feature maps of {@code inChannels} channels. */
    public static RoiHeads of(FasterRcnnConfig config, long inChannels, BalancedPositiveNegativeSampler sampler) {
        long pooled = inChannels * config.roiOutputSize() * config.roiOutputSize();
        return new RoiHeads(MultiScaleRoiAlign.of(config), new TwoMlpHead(pooled, config.representationSize()),
                new FastRcnnPredictor(config.representationSize(), config.numClasses()), config, sampler);
    }

    /** The box branch of {@code config} sampling with LibTorch's default generator. */
    public static RoiHeads of(FasterRcnnConfig config, long inChannels) {
        return of(config, inChannels, new BalancedPositiveNegativeSampler(
                config.boxBatchSizePerImage(), config.boxPositiveFraction(), null));
    }

    public TwoMlpHead boxHead() {
        return boxHead;
    }

    public FastRcnnPredictor boxPredictor() {
        return boxPredictor;
    }

    /**
     * @param proposals  per image {@code P_i x 4}
     * @param imageSizes per image {height, width} of the resized image
     * @param targets    required in training, ignored otherwise
     */
    public Output forward(Map<String, Tensor> features, List<Tensor> proposals, List<long[]> imageSizes,
                          List<Target> targets) {
        if (is_training()) {
            if (targets == null) {
                throw new IllegalArgumentException("RoI heads need targets in training mode");
            }
            TrainingSamples samples = selectTrainingSamples(proposals, targets);
            FastRcnnPredictor.Outputs out = predict(features, samples.proposals(), imageSizes);
            Tensor[] l = fastRcnnLoss(out.classLogits(), out.boxDeltas(), samples.labels(),
                    samples.regressionTargets());
            LinkedHashMap<String, Tensor> losses = new LinkedHashMap<>();
            losses.put("loss_classifier", l[0]);
            losses.put("loss_box_reg", l[1]);
            return new Output(List.of(), List.of(), losses);
        }
        FastRcnnPredictor.Outputs out = predict(features, proposals, imageSizes);
        List<Candidates> candidates = postprocessCandidates(out.classLogits(), out.boxDeltas(), proposals, imageSizes);
        List<Detections> detections = new ArrayList<>();
        for (Candidates c : candidates) {
            detections.add(selectDetections(c));
        }
        return new Output(detections, candidates, new LinkedHashMap<>());
    }

    /** Box features after pooling and the box head, {@code sum(P_i) x representationSize}. */
    public Tensor boxFeatures(Map<String, Tensor> features, List<Tensor> proposals, List<long[]> imageSizes) {
        return boxHead.forward(boxRoiPool.forward(features, proposals, imageSizes));
    }

    public FastRcnnPredictor.Outputs predict(Map<String, Tensor> features, List<Tensor> proposals,
                                             List<long[]> imageSizes) {
        return boxPredictor.forward(boxFeatures(features, proposals, imageSizes));
    }

    record TrainingSamples(List<Tensor> proposals, List<Tensor> labels, List<Tensor> regressionTargets) {
    }

    TrainingSamples selectTrainingSamples(List<Tensor> proposals, List<Target> targets) {
        List<Tensor> gtBoxes = new ArrayList<>();
        List<Tensor> withGt = new ArrayList<>();
        for (int i = 0; i < proposals.size(); i++) {
            Tensor gt = targets.get(i).boxes().to(proposals.get(i).scalar_type());
            gtBoxes.add(gt);
            // Ground-truth boxes join the proposals so every object has at least one perfect positive.
            withGt.add(torch.cat(new org.bytedeco.pytorch.TensorVector(proposals.get(i), gt), 0));
        }
        List<Tensor> matchedIdxs = new ArrayList<>();
        List<Tensor> labels = new ArrayList<>();
        for (int i = 0; i < withGt.size(); i++) {
            Tensor[] assigned = assignTargetsToProposals(withGt.get(i), gtBoxes.get(i), targets.get(i).labels());
            matchedIdxs.add(assigned[0]);
            labels.add(assigned[1]);
        }
        BalancedPositiveNegativeSampler.Sample sample = fgBgSampler.sample(labels);
        List<Tensor> sampledProposals = new ArrayList<>();
        List<Tensor> sampledLabels = new ArrayList<>();
        List<Tensor> regressionTargets = new ArrayList<>();
        for (int i = 0; i < withGt.size(); i++) {
            Tensor idx = Tensors.where(sample.positive().get(i).logical_or(sample.negative().get(i)));
            Tensor p = withGt.get(i).index_select(0, idx);
            sampledProposals.add(p);
            sampledLabels.add(labels.get(i).index_select(0, idx));
            Tensor gt = gtBoxes.get(i);
            if (gt.numel() == 0) {
                gt = torch.zeros(new long[]{1, 4}, p.options());
            }
            Tensor matchedGt = gt.index_select(0, matchedIdxs.get(i).index_select(0, idx));
            regressionTargets.add(boxCoder.encode(matchedGt, p));
        }
        return new TrainingSamples(sampledProposals, sampledLabels, regressionTargets);
    }

    /** @return {matched ground-truth index clamped to >= 0, label (0 background, -1 ignored)} */
    private Tensor[] assignTargetsToProposals(Tensor proposals, Tensor gtBoxes, Tensor gtLabels) {
        if (gtBoxes.numel() == 0) {
            TensorOptions longs = Tensors.options(proposals, torch.ScalarType.Long);
            return new Tensor[]{torch.zeros(new long[]{proposals.size(0)}, longs),
                    torch.zeros(new long[]{proposals.size(0)}, longs)};
        }
        Tensor matched = proposalMatcher.match(BoxOps.boxIou(gtBoxes, proposals));
        Tensor clamped = matched.clamp(new org.bytedeco.pytorch.ScalarOptional(new org.bytedeco.pytorch.Scalar(0L)), Tensors.none());
        Tensor labels = gtLabels.index_select(0, clamped).to(torch.ScalarType.Long);
        labels.masked_fill_(matched.eq(scalar(Matcher.BELOW_LOW_THRESHOLD)), scalar(0));
        labels.masked_fill_(matched.eq(scalar(Matcher.BETWEEN_THRESHOLDS)), scalar(-1));
        return new Tensor[]{clamped, labels};
    }

    /**
     * torchvision's {@code fastrcnn_loss}: cross entropy over all sampled proposals, smooth L1 of the
     * true class's deltas over the positives, summed and divided by the number of sampled proposals.
     */
    Tensor[] fastRcnnLoss(Tensor classLogits, Tensor boxRegression, List<Tensor> labels,
                          List<Tensor> regressionTargets) {
        Tensor allLabels = Tensors.cat(labels, 0);
        Tensor allTargets = Tensors.cat(regressionTargets, 0);
        Tensor classificationLoss = torch.cross_entropy_loss(classLogits, allLabels);

        Tensor pos = Tensors.where(allLabels.gt(scalar(0)));
        Tensor labelsPos = allLabels.index_select(0, pos);
        long n = classLogits.size(0);
        long numClasses = boxRegression.size(-1) / 4;
        Tensor perClass = boxRegression.reshape(n * numClasses, 4);
        Tensor rows = pos.mul(new org.bytedeco.pytorch.Scalar(numClasses)).add(labelsPos);
        Tensor boxLoss = torch.smooth_l1_loss(perClass.index_select(0, rows), allTargets.index_select(0, pos),
                REDUCTION_SUM, config.smoothL1Beta()).div(scalar(allLabels.numel()));
        return new Tensor[]{classificationLoss, boxLoss};
    }

    /**
     * Softmax scores and decoded per-class boxes, clipped, background dropped, then reduced to the
     * candidates worth keeping for review: those scoring at least {@code rawCandidateMinScore}, at most
     * {@code rawCandidateLimit} of them, but always every candidate above {@code boxScoreThresh}.
     */
    List<Candidates> postprocessCandidates(Tensor classLogits, Tensor boxRegression, List<Tensor> proposals,
                                           List<long[]> imageSizes) {
        long numClasses = classLogits.size(-1);
        Tensor predBoxes = boxCoder.decode(boxRegression, proposals);
        Tensor predScores = torch.softmax(classLogits, -1);
        List<Candidates> result = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < proposals.size(); i++) {
            long count = proposals.get(i).size(0);
            long[] size = imageSizes.get(i);
            Tensor boxes = BoxOps.clipBoxesToImage(predBoxes.narrow(0, offset, count), size[0], size[1]);
            Tensor scores = predScores.narrow(0, offset, count);
            offset += count;
            Tensor labels = torch.arange(scalar(numClasses), Tensors.options(scores, torch.ScalarType.Long))
                    .view(1, -1).expand_as(scores);

            boxes = boxes.narrow(1, 1, numClasses - 1).reshape(-1, 4);
            scores = scores.narrow(1, 1, numClasses - 1).reshape(-1);
            labels = labels.narrow(1, 1, numClasses - 1).reshape(-1);

            Tensor keep = Tensors.where(scores.ge(scalar(config.rawCandidateMinScore()))
                    .logical_or(scores.gt(scalar(config.boxScoreThresh()))));
            long mustKeep = scores.gt(scalar(config.boxScoreThresh())).sum().item_long();
            long limit = Math.max(config.rawCandidateLimit(), mustKeep);
            if (keep.numel() > limit) {
                Tensor best = torch.topk(scores.index_select(0, keep), limit, 0, true, true).get1();
                // Back to torchvision's enumeration order, so NMS breaks score ties as torchvision does.
                keep = torch.sort(keep.index_select(0, best), 0, false).get0();
            }
            result.add(new Candidates(boxes.index_select(0, keep), scores.index_select(0, keep),
                    labels.index_select(0, keep)));
        }
        return result;
    }

    /** torchvision's final selection: score above threshold, no tiny boxes, class-wise NMS, best N. */
    public Detections selectDetections(Candidates c) {
        Tensor keep = Tensors.where(c.scores().gt(scalar(config.boxScoreThresh())));
        Tensor boxes = c.boxes().index_select(0, keep);
        Tensor scores = c.scores().index_select(0, keep);
        Tensor labels = c.labels().index_select(0, keep);

        keep = BoxOps.removeSmallBoxes(boxes, config.boxMinSize());
        boxes = boxes.index_select(0, keep);
        scores = scores.index_select(0, keep);
        labels = labels.index_select(0, keep);

        keep = BoxOps.batchedNms(boxes, scores, labels, config.boxNmsThresh());
        keep = keep.narrow(0, 0, Math.min(config.boxDetectionsPerImg(), keep.size(0)));
        return new Detections(boxes.index_select(0, keep), scores.index_select(0, keep), labels.index_select(0, keep));
    }
}
