package io.boxwork.engine.train;

import java.util.Map;

/**
 * What one evaluation on the val split measured.
 *
 * @param map50      VOC-style mAP at IoU 0.5
 * @param map        COCO mAP averaged over IoU 0.50:0.95
 * @param perClassAp AP at IoU 0.5 per class name, in project class order
 * @param valLoss    mean total loss over the val split (NaN when the split is empty)
 */
public record EvaluationMetrics(double map50, double map, Map<String, Double> perClassAp, double valLoss, int images) {
    public EvaluationMetrics {
        perClassAp = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perClassAp));
    }
}
