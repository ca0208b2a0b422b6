package io.boxwork.annotations.metrics;

/**
 * Interpolated precision at fixed recall levels. {@code score[i]} is the confidence of the detection
 * at which that recall is first reached (0 where it never is), which is what a user picks a score
 * threshold from.
 */
public record PrecisionRecallCurve(double[] recall, double[] precision, double[] score) {
}
