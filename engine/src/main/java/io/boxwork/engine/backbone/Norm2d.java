package io.boxwork.engine.backbone;

import org.bytedeco.pytorch.Conv2dImpl;
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

    /**
     * {@code this(conv(x))}, with the convolution's output freed as soon as it is normalised. A
     * {@code PointerScope} would hold it until the step ends, and autograd keeps what the backward
     * pass needs by itself: torchvision frees it at this point too, so peak memory stays alike.
     */
    public Tensor afterConv(Conv2dImpl conv, Tensor x) {
        Tensor convolved = conv.forward(x);
        Tensor normed = forward(convolved);
        convolved.close();
        return normed;
    }
}
