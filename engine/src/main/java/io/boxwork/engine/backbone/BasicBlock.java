package io.boxwork.engine.backbone;

import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/** ResNet-18/34's block: two 3x3 convolutions, the first carrying the stride. */
public final class BasicBlock extends ResidualBlock {

    public static final int EXPANSION = 1;

    private final Conv2dImpl conv1;
    private final Norm2d bn1;
    private final Conv2dImpl conv2;
    private final Norm2d bn2;
    private final Downsample downsample;

    public BasicBlock(long inPlanes, long planes, long stride, Normalization norm) {
        super("BasicBlock");
        conv1 = register_module("conv1", Convs.resnetConv(inPlanes, planes, 3, stride, 1));
        bn1 = register_module("bn1", norm.create(planes));
        conv2 = register_module("conv2", Convs.resnetConv(planes, planes, 3, 1, 1));
        bn2 = register_module("bn2", norm.create(planes));
        downsample = stride != 1 || inPlanes != planes * EXPANSION
                ? register_module("downsample", new Downsample(inPlanes, planes * EXPANSION, stride, norm))
                : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        // torchvision's in-place ReLUs and "out += identity": neither input is saved for backward.
        Tensor first = bn1.afterConv(conv1, x);
        first.relu_();
        Tensor out = bn2.afterConv(conv2, first);
        first.close();
        Tensor identity = downsample == null ? x : downsample.forward(x);
        out.add_(identity);
        if (identity != x) identity.close();
        out.relu_();
        return out;
    }
}
