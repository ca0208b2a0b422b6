package io.boxwork.annotations.metrics;

/** Raised when a ground-truth or detection record cannot be evaluated; the message names the record. */
public final class MetricsInputException extends IllegalArgumentException {
    public MetricsInputException(String message) {
        super(message);
    }
}
