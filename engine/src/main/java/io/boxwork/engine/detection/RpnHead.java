package io.boxwork.engine.detection;

import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Conv2dOptions;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.List;

/**
 * The RPN's shared 3x3 conv + ReLU and its two 1x1 predictors, with torchvision 0.14's keys:
 * {@code conv.0.0} (a {@code Conv2dNormActivation} without norm inside a {@code Sequential}),
 * {@code cls_logits}, {@code bbox_pred}. Older checkpoints (among them torchvision's published COCO
 * weights) name the conv {@code conv.weight}; torchvision renames it on load, and
 * {@link #currentKey(String)} does the same for whoever loads such a file here.
 */
public final class RpnHead extends Module {

    /** Per level: {@code N x A x H x W} objectness logits and {@code N x 4A x H x W} box deltas. */
    public record Outputs(List<Tensor> objectness, List<Tensor> boxDeltas) {
    }

    private final Conv2dImpl conv;
    private final Conv2dImpl clsLogits;
    private final Conv2dImpl bboxPred;
    // Held so the JVM keeps their Java peers alive: LibTorch calls back into them (train(), ...).
    private final Module sequential;
    private final Module convNormActivation;

    public RpnHead(long inChannels, long numAnchors) {
        sequential = register_module("conv", new Module());
        convNormActivation = sequential.register_module("0", new Module());
        Conv2dOptions convOptions = new Conv2dOptions(inChannels, inChannels, new LongPointer(3, 3));
        convOptions.padding().put(new LongPointer(1, 1));
        conv = convNormActivation.register_module("0", new Conv2dImpl(convOptions));
        clsLogits = register_module("cls_logits", new Conv2dImpl(inChannels, numAnchors, new LongPointer(1, 1)));
        bboxPred = register_module("bbox_pred", new Conv2dImpl(inChannels, numAnchors * 4, new LongPointer(1, 1)));
        initialise();
    }

    /**
     * The 0.14 name of a state-dict key: {@code <prefix>head.conv.weight|bias} (RPNHead version 1)
     * becomes {@code <prefix>head.conv.0.0.weight|bias}; every other key is returned unchanged.
     */
    public static String currentKey(String key) {
        for (String type : List.of("weight", "bias")) {
            String legacy = "head.conv." + type;
            if (key.endsWith(legacy) && (key.length() == legacy.length()
                    || key.charAt(key.length() - legacy.length() - 1) == '.')) {
                return key.substring(0, key.length() - legacy.length()) + "head.conv.0.0." + type;
            }
        }
        return key;
    }

    /** torchvision's init: weights N(0, 0.01), biases zero. */
    private void initialise() {
        try (NoGradGuard ignored = new NoGradGuard()) {
            for (Conv2dImpl c : List.of(conv, clsLogits, bboxPred)) {
                c.weight().normal_(0.0, 0.01, new org.bytedeco.pytorch.GeneratorOptional());
                c.bias().zero_();
            }
        }
    }

    public Outputs forward(List<Tensor> features) {
        List<Tensor> logits = new ArrayList<>();
        List<Tensor> deltas = new ArrayList<>();
        for (Tensor feature : features) {
            // In-place ReLU as torchvision's, and the level's hidden map freed once both heads read it.
            Tensor t = conv.forward(feature);
            t.relu_();
            logits.add(clsLogits.forward(t));
            deltas.add(bboxPred.forward(t));
            t.close();
        }
        return new Outputs(logits, deltas);
    }
}
