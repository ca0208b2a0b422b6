package io.boxwork.engine.backbone;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/** One residual block of a ResNet stage: torchvision's {@code BasicBlock} or {@code Bottleneck}. */
public abstract sealed class ResidualBlock extends Module permits BasicBlock, Bottleneck {

    protected ResidualBlock(String name) {
        super(name);
    }

    public abstract Tensor forward(Tensor x);
}
