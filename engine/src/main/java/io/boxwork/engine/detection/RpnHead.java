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
 * {@code cls_logits}, {@code bbox_pred}. Older checkpoints name the conv {@code conv.weight};
 * torchvision renames it on load, and so must whoever loads such a file here.
 */
public final class RpnHead extends Module {

    /** Per level: {@code N x A x H x W} objectness logits and {@code N x 4A x H x W} box deltas. */
    public record Outputs(List<Tensor> objectness, List<Tensor> boxDeltas) {
    }

    private final Conv2dImpl conv;
    private final Conv2dImpl clsLogits;
    private final Conv2dImpl bboxPred;

    public RpnHead(long inChannels, long numAnchors) {
        Module sequential = register_module("conv", new Module());
        Module convNormActivation = sequential.register_module("0", new Module());
        Conv2dOptions convOptions = new Conv2dOptions(inChannels, inChannels, new LongPointer(3, 3));
        convOptions.padding().put(new LongPointer(1, 1));
        conv = convNormActivation.register_module("0", new Conv2dImpl(convOptions));
        clsLogits = register_module("cls_logits", new Conv2dImpl(inChannels, numAnchors, new LongPointer(1, 1)));
        bboxPred = register_module("bbox_pred", new Conv2dImpl(inChannels, numAnchors * 4, new LongPointer(1, 1)));
        initialise();
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
            Tensor t = torch.relu(conv.forward(feature));
            logits.add(clsLogits.forward(t));
            deltas.add(bboxPred.forward(t));
        }
        return new Outputs(logits, deltas);
    }
}
