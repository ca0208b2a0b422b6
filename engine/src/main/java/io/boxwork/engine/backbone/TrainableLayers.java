package io.boxwork.engine.backbone;

import org.bytedeco.pytorch.Module;
import io.boxwork.engine.tensor.NamedTensors;

import java.util.ArrayList;
import java.util.List;

/**
 * torchvision's {@code _resnet_fpn_extractor} freezing rule: of a ResNet's parameters, only those
 * of the last {@code n} of (layer4, layer3, layer2, layer1, conv1) keep {@code requires_grad};
 * with 5, bn1 too (its affine terms, when it has any).
 */
public final class TrainableLayers {

    public static final int MAX = 5;

    private TrainableLayers() {
    }

    /** The name prefixes that stay trainable. */
    public static List<String> trainablePrefixes(int trainableLayers) {
        if (trainableLayers < 0 || trainableLayers > MAX) {
            throw new IllegalArgumentException("trainable layers must be in [0, 5], got " + trainableLayers);
        }
        List<String> prefixes = new ArrayList<>(List.of("layer4", "layer3", "layer2", "layer1", "conv1")
                .subList(0, trainableLayers));
        if (trainableLayers == MAX) {
            prefixes.add("bn1");
        }
        return prefixes;
    }

    /**
     * Sets {@code requires_grad} on every parameter of {@code resnet} (keyed as a torchvision ResNet):
     * true inside the trainable layers, false outside. Setting both ways, where torchvision only
     * freezes, makes the outcome independent of earlier calls.
     */
    public static void apply(Module resnet, int trainableLayers) {
        List<String> prefixes = trainablePrefixes(trainableLayers);
        NamedTensors.parameters(resnet).forEach((name, parameter) ->
                parameter.requires_grad_(prefixes.stream().anyMatch(name::startsWith)));
    }
}
