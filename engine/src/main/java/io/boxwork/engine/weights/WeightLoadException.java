package io.boxwork.engine.weights;

/** A strict load refused: the report says which keys were missing, unexpected or mis-shaped. */
public final class WeightLoadException extends RuntimeException {

    private final LoadReport report;

    public WeightLoadException(String source, LoadReport report) {
        super("weights from " + source + " do not match the model: " + report.summary());
        this.report = report;
    }

    public LoadReport report() {
        return report;
    }
}
