package io.boxwork.annotations.model;

/**
 * What the Train form starts from for this project; the engine's own config adds everything
 * a person rarely changes.
 *
 * @param backbone        e.g. {@code resnet18_fpn}, {@code resnet50_fpn}
 * @param weights         starting weights file, relative to the project or absolute; empty for none
 * @param trainableLayers 0..5 ResNet stages that are trained
 */
public record TrainingDefaults(String backbone, String weights, int epochs, int batchSize, double learningRate,
                               int trainableLayers) {

    public TrainingDefaults {
        if (backbone == null || backbone.isBlank()) backbone = "resnet18_fpn";
        if (weights == null) weights = "";
        if (epochs <= 0) throw new IllegalArgumentException("epochs must be positive, was " + epochs);
        if (batchSize <= 0) throw new IllegalArgumentException("batch size must be positive, was " + batchSize);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be positive, was " + learningRate);
        if (trainableLayers < 0 || trainableLayers > 5) {
            throw new IllegalArgumentException("trainable layers must be 0..5, was " + trainableLayers);
        }
    }

    public static TrainingDefaults defaults() {
        return new TrainingDefaults("resnet18_fpn", "", 12, 2, 0.01, 3);
    }
}
