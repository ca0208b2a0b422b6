package io.boxwork.annotations.metrics;

/**
 * Pascal VOC figures of one class.
 *
 * @param ap        all-point interpolated AP; NaN when the class has no non-difficult ground truth
 * @param positives non-difficult ground truths
 * @param recall    recall after each detection, by descending score
 * @param precision precision after each detection (not interpolated)
 */
public record VocClassResult(int classId, double ap, int positives, double[] recall, double[] precision) {
}
