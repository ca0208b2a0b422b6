package io.boxwork.engine.backbone;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/**
 * The normalisation after each ResNet convolution. torchvision picks {@link FrozenBatchNorm2d}
 * when the backbone starts from trained weights and a real {@link BatchNorm2d} when it starts from
 * scratch: frozen identity statistics would leave a fresh deep ResNet unnormalised.
 */
public abstract class Norm2d extends Module {

    protected Norm2d(String name) {
        super(name);
    }

    public abstract Tensor forward(Tensor x);
}
