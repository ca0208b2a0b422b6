package io.boxwork.engine.detection;

import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/** torchvision's {@code FastRCNNPredictor}: class logits ({@code cls_score}) and per-class box deltas ({@code bbox_pred}). */
public final class FastRcnnPredictor extends Module {

    /** @param classLogits {@code R x numClasses}; @param boxDeltas {@code R x 4*numClasses} */
    public record Outputs(Tensor classLogits, Tensor boxDeltas) {
    }

    private final LinearImpl clsScore;
    private final LinearImpl bboxPred;

    public FastRcnnPredictor(long inChannels, long numClasses) {
        clsScore = register_module("cls_score", new LinearImpl(inChannels, numClasses));
        bboxPred = register_module("bbox_pred", new LinearImpl(inChannels, numClasses * 4));
    }

    public Outputs forward(Tensor x) {
        if (x.dim() == 4 && (x.size(2) != 1 || x.size(3) != 1)) {
            throw new IllegalArgumentException("FastRcnnPredictor expects 1x1 spatial features, got "
                    + x.size(2) + "x" + x.size(3));
        }
        Tensor flat = x.flatten(1, -1);
        return new Outputs(clsScore.forward(flat), bboxPred.forward(flat));
    }
}
