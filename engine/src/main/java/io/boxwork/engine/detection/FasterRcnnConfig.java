package io.boxwork.engine.detection;

import java.util.List;

/**
 * Every number of the detector, with torchvision 0.14's {@code fasterrcnn_resnet50_fpn} defaults in
 * {@link #defaults(int)}. The parts take their numbers from here, nowhere else.
 *
 * @param numClasses               classes including the background (class 0)
 * @param rawCandidateMinScore     lowest score kept among the review's raw candidates
 * @param rawCandidateLimit        at most this many raw candidates per image, unless more pass
 *                                 {@code boxScoreThresh} (those are always kept, so that the final
 *                                 detections can be recomputed from the candidates)
 */
public record FasterRcnnConfig(
        int numClasses,
        int minSize,
        int maxSize,
        List<Double> imageMean,
        List<Double> imageStd,
        List<List<Integer>> anchorSizes,
        List<List<Double>> aspectRatios,
        int rpnPreNmsTopNTrain,
        int rpnPreNmsTopNTest,
        int rpnPostNmsTopNTrain,
        int rpnPostNmsTopNTest,
        double rpnNmsThresh,
        double rpnFgIouThresh,
        double rpnBgIouThresh,
        int rpnBatchSizePerImage,
        double rpnPositiveFraction,
        double rpnScoreThresh,
        double rpnMinBoxSize,
        List<String> featmapNames,
        int roiOutputSize,
        int roiSamplingRatio,
        int canonicalScale,
        int canonicalLevel,
        double levelMapperEps,
        int representationSize,
        double boxScoreThresh,
        double boxNmsThresh,
        int boxDetectionsPerImg,
        double boxFgIouThresh,
        double boxBgIouThresh,
        int boxBatchSizePerImage,
        double boxPositiveFraction,
        List<Double> bboxRegWeights,
        double boxMinSize,
        double bboxXformClip,
        double smoothL1Beta,
        double rawCandidateMinScore,
        int rawCandidateLimit) {

    public FasterRcnnConfig {
        if (numClasses < 2) {
            throw new IllegalArgumentException("numClasses counts the background, so it must be at least 2, got "
                    + numClasses);
        }
        if (anchorSizes.size() != aspectRatios.size()) {
            throw new IllegalArgumentException("anchorSizes has " + anchorSizes.size()
                    + " levels but aspectRatios has " + aspectRatios.size());
        }
        imageMean = List.copyOf(imageMean);
        imageStd = List.copyOf(imageStd);
        anchorSizes = anchorSizes.stream().map(List::copyOf).toList();
        aspectRatios = aspectRatios.stream().map(List::copyOf).toList();
        featmapNames = List.copyOf(featmapNames);
        bboxRegWeights = List.copyOf(bboxRegWeights);
    }

    public static FasterRcnnConfig defaults(int numClasses) {
        List<Double> ratios = List.of(0.5, 1.0, 2.0);
        return new FasterRcnnConfig(numClasses, 800, 1333,
                List.of(0.485, 0.456, 0.406), List.of(0.229, 0.224, 0.225),
                List.of(List.of(32), List.of(64), List.of(128), List.of(256), List.of(512)),
                List.of(ratios, ratios, ratios, ratios, ratios),
                2000, 1000, 2000, 1000, 0.7, 0.7, 0.3, 256, 0.5, 0.0, 1e-3,
                List.of("0", "1", "2", "3"), 7, 2, 224, 4, 1e-6, 1024,
                0.05, 0.5, 100, 0.5, 0.5, 512, 0.25, List.of(10.0, 10.0, 5.0, 5.0), 1e-2,
                BoxCoder.DEFAULT_BBOX_XFORM_CLIP, 1.0 / 9, 0.001, 5000);
    }

    /** The same detector resizing images so that the short side is {@code minSize} and the long side at most {@code maxSize}. */
    public FasterRcnnConfig withImageSize(int newMinSize, int newMaxSize) {
        return new FasterRcnnConfig(numClasses, newMinSize, newMaxSize, imageMean, imageStd, anchorSizes,
                aspectRatios, rpnPreNmsTopNTrain, rpnPreNmsTopNTest, rpnPostNmsTopNTrain, rpnPostNmsTopNTest,
                rpnNmsThresh, rpnFgIouThresh, rpnBgIouThresh, rpnBatchSizePerImage, rpnPositiveFraction,
                rpnScoreThresh, rpnMinBoxSize, featmapNames, roiOutputSize, roiSamplingRatio, canonicalScale,
                canonicalLevel, levelMapperEps, representationSize, boxScoreThresh, boxNmsThresh,
                boxDetectionsPerImg, boxFgIouThresh, boxBgIouThresh, boxBatchSizePerImage, boxPositiveFraction,
                bboxRegWeights, boxMinSize, bboxXformClip, smoothL1Beta, rawCandidateMinScore, rawCandidateLimit);
    }

    /** The same detector sampling {@code rpnBatch} anchors and {@code boxBatch} proposals per image for the losses. */
    public FasterRcnnConfig withSampling(int rpnBatch, double rpnFraction, int boxBatch, double boxFraction) {
        return new FasterRcnnConfig(numClasses, minSize, maxSize, imageMean, imageStd, anchorSizes,
                aspectRatios, rpnPreNmsTopNTrain, rpnPreNmsTopNTest, rpnPostNmsTopNTrain, rpnPostNmsTopNTest,
                rpnNmsThresh, rpnFgIouThresh, rpnBgIouThresh, rpnBatch, rpnFraction,
                rpnScoreThresh, rpnMinBoxSize, featmapNames, roiOutputSize, roiSamplingRatio, canonicalScale,
                canonicalLevel, levelMapperEps, representationSize, boxScoreThresh, boxNmsThresh,
                boxDetectionsPerImg, boxFgIouThresh, boxBgIouThresh, boxBatch, boxFraction,
                bboxRegWeights, boxMinSize, bboxXformClip, smoothL1Beta, rawCandidateMinScore, rawCandidateLimit);
    }
}
