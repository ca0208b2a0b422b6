package io.boxwork.annotations.metrics;

/**
 * One class's COCO figures over all areas at the largest maxDets. AP values are NaN when the class
 * has no (non-crowd) ground truth, the case pycocotools marks -1 and leaves out of the mean.
 *
 * @param groundTruthCount non-crowd ground truths of the class
 * @param ar               recall averaged over the IoU thresholds
 */
public record CocoClassMetrics(int classId, int groundTruthCount, double ap, double ap50, double ap75, double ar) {
}
