package io.boxwork.engine.detection;

import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/** torchvision's {@code TwoMLPHead}: pooled features, flattened, through {@code fc6} and {@code fc7} with ReLUs. */
public final class TwoMlpHead extends Module {

    private final LinearImpl fc6;
    private final LinearImpl fc7;

    public TwoMlpHead(long inChannels, long representationSize) {
        fc6 = register_module("fc6", new LinearImpl(inChannels, representationSize));
        fc7 = register_module("fc7", new LinearImpl(representationSize, representationSize));
    }

    public Tensor forward(Tensor x) {
        Tensor flat = x.flatten(1, -1);
        Tensor hidden = fc6.forward(flat);
        hidden.relu_();
        Tensor out = fc7.forward(hidden);
        hidden.close();
        out.relu_();
        return out;
    }
}
