package io.boxwork.engine.weights;

/**
 * Which state-dict keys (in the model's current naming) a load may touch. Keys it rejects are
 * neither loaded nor reported missing: the model keeps its own initial values for them.
 */
@FunctionalInterface
public interface KeyFilter {

    String BACKBONE_PREFIX = "backbone.";
    String PREDICTOR_PREFIX = "roi_heads.box_predictor.";

    boolean accepts(String key);

    static KeyFilter everything() {
        return key -> true;
    }

    /** The feature extractor only ({@code backbone.*}): a pretrained start for a new detector. */
    static KeyFilter backboneOnly() {
        return key -> key.startsWith(BACKBONE_PREFIX);
    }

    /**
     * All but the class-specific predictor ({@code roi_heads.box_predictor.*}), whose shape
     * depends on the class count: fine-tuning a COCO detector on the user's classes.
     */
    static KeyFilter allButPredictor() {
        return key -> !key.startsWith(PREDICTOR_PREFIX);
    }
}
