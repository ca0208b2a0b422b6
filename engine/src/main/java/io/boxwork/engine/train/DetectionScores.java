package io.boxwork.engine.train;

import io.boxwork.annotations.metrics.CocoEvaluator;
import io.boxwork.annotations.metrics.CocoSummary;
import io.boxwork.annotations.metrics.Detection;
import io.boxwork.annotations.metrics.GroundTruth;
import io.boxwork.annotations.metrics.VocClassResult;
import io.boxwork.annotations.metrics.VocEvaluation;
import io.boxwork.annotations.metrics.VocEvaluator;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * COCO's twelve numbers, VOC mAP@0.5 and per-class AP@0.5 of one set of detections against
 * one set of ground truth: the numbers the trainer logs and {@code boxwork eval} prints.
 */
public record DetectionScores(CocoSummary coco, double vocMap50, Map<String, Double> perClassAp50) {

    public static DetectionScores compute(Collection<GroundTruth> truth, Collection<Detection> detections,
                                          IntFunction<String> className) {
        CocoSummary coco = new CocoEvaluator().evaluate(truth, detections).summary();
        VocEvaluation voc = new VocEvaluator().evaluate(truth, detections);
        Map<String, Double> per = new LinkedHashMap<>();
        for (VocClassResult r : voc.perClass()) per.put(className.apply(r.classId()), r.ap());
        return new DetectionScores(coco, voc.map(), per);
    }
}
