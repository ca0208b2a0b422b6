package io.boxwork.engine.weights;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps an ImageNet classifier's state dict (torchvision's {@code resnet50()} weights:
 * {@code conv1.weight}, {@code layer1.0...}, {@code fc.*}) onto a detector's backbone body,
 * where torchvision's {@code IntermediateLayerGetter} keeps the same modules under
 * {@code backbone.body.} and drops the classifier head.
 */
public final class BackboneKeys {

    public static final String BODY_PREFIX = "backbone.body.";
    private static final String CLASSIFIER_PREFIX = "fc.";

    private BackboneKeys() {
    }

    public static StateDict fromImageNetClassifier(StateDict classifier) {
        Map<String, org.bytedeco.pytorch.Tensor> body = new LinkedHashMap<>();
        classifier.asMap().forEach((key, tensor) -> {
            if (!key.startsWith(CLASSIFIER_PREFIX)) {
                body.put(BODY_PREFIX + key, tensor);
            }
        });
        return new StateDict(body);
    }
}
