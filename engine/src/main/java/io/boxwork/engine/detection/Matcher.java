package io.boxwork.engine.detection;

import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.Tensor;

import static io.boxwork.engine.detection.Tensors.scalar;

/**
 * Assigns every prediction (anchor or proposal) the ground-truth box it overlaps most, as
 * torchvision's {@code Matcher}: a match needs IoU at least {@code highThreshold}; below
 * {@code lowThreshold} is background, in between is ignored.
 */
public final class Matcher {

    public static final long BELOW_LOW_THRESHOLD = -1;
    public static final long BETWEEN_THRESHOLDS = -2;

    private final double highThreshold;
    private final double lowThreshold;
    private final boolean allowLowQualityMatches;

    public Matcher(double highThreshold, double lowThreshold, boolean allowLowQualityMatches) {
        if (lowThreshold > highThreshold) {
            throw new IllegalArgumentException(
                    "Matcher low threshold " + lowThreshold + " is above high threshold " + highThreshold);
        }
        this.highThreshold = highThreshold;
        this.lowThreshold = lowThreshold;
        this.allowLowQualityMatches = allowLowQualityMatches;
    }

    /**
     * @param matchQualityMatrix {@code M x N} IoU of M ground-truth boxes with N predictions
     * @return int64 {@code N}: the matched ground-truth index, or {@link #BELOW_LOW_THRESHOLD} /
     *         {@link #BETWEEN_THRESHOLDS}
     */
    public Tensor match(Tensor matchQualityMatrix) {
        if (matchQualityMatrix.numel() == 0) {
            throw new IllegalArgumentException(matchQualityMatrix.size(0) == 0
                    ? "No ground-truth boxes available for one of the images during training"
                    : "No proposal boxes available for one of the images during training");
        }
        T_TensorTensor_T best = matchQualityMatrix.max(0);
        Tensor matchedVals = best.get0();
        Tensor matches = best.get1().clone();
        Tensor allMatches = allowLowQualityMatches ? matches.clone() : null;

        Tensor below = matchedVals.lt(scalar(lowThreshold));
        Tensor between = matchedVals.ge(scalar(lowThreshold)).logical_and(matchedVals.lt(scalar(highThreshold)));
        matches.masked_fill_(below, scalar(BELOW_LOW_THRESHOLD));
        matches.masked_fill_(between, scalar(BETWEEN_THRESHOLDS));

        if (allMatches != null) {
            setLowQualityMatches(matches, allMatches, matchQualityMatrix);
        }
        return matches;
    }

    /**
     * Gives every ground-truth box its best-overlapping predictions (ties included) even when that
     * overlap is below the high threshold, so that no object is left without a positive.
     */
    private static void setLowQualityMatches(Tensor matches, Tensor allMatches, Tensor matchQualityMatrix) {
        Tensor highestForEachGt = matchQualityMatrix.max(1).get0();
        Tensor pairs = org.bytedeco.pytorch.global.torch.nonzero(matchQualityMatrix.eq(highestForEachGt.unsqueeze(1)));
        Tensor predIndices = pairs.select(1, 1);
        matches.index_copy_(0, predIndices, allMatches.index_select(0, predIndices));
    }
}
