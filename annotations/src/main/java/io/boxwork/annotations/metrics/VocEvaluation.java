package io.boxwork.annotations.metrics;

import java.util.List;

/**
 * Pascal VOC result: per-class AP and their mean over the classes that have ground truth.
 *
 * @param map NaN when no class has a non-difficult ground truth
 */
public record VocEvaluation(double map, List<VocClassResult> perClass) {
    public VocEvaluation {
        perClass = List.copyOf(perClass);
    }
}
