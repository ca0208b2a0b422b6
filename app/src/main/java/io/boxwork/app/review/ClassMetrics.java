package io.boxwork.app.review;

/**
 * One class over the reviewed images at the current sliders.
 *
 * @param precision NaN when nothing of the class was predicted
 * @param recall    NaN when the class has no labels
 * @param ap        VOC AP at the match IoU over the kept predictions (NaN without labels)
 */
public record ClassMetrics(int classId, String name, int truePositives, int falsePositives, int misses,
                           double precision, double recall, double ap) {
}
