package io.boxwork.engine.backbone;

import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * ResNet-50/101's block: 1x1 reduce, 3x3, 1x1 expand by 4. The stride sits on the 3x3
 * convolution (torchvision's "ResNet v1.5"), not on the first 1x1 as in the original paper.
 */
public final class Bottleneck extends ResidualBlock {

    public static final int EXPANSION = 4;

    private final Conv2dImpl conv1;
    private final Norm2d bn1;
    private final Conv2dImpl conv2;
    private final Norm2d bn2;
    private final Conv2dImpl conv3;
    private final Norm2d bn3;
    private final Downsample downsample;

    public Bottleneck(long inPlanes, long planes, long stride, Normalization norm) {
        super("Bottleneck");
        conv1 = register_module("conv1", Convs.resnetConv(inPlanes, planes, 1, 1, 0));
        bn1 = register_module("bn1", norm.create(planes));
        conv2 = register_module("conv2", Convs.resnetConv(planes, planes, 3, stride, 1));
        bn2 = register_module("bn2", norm.create(planes));
        conv3 = register_module("conv3", Convs.resnetConv(planes, planes * EXPANSION, 1, 1, 0));
        bn3 = register_module("bn3", norm.create(planes * EXPANSION));
        downsample = stride != 1 || inPlanes != planes * EXPANSION
                ? register_module("downsample", new Downsample(inPlanes, planes * EXPANSION, stride, norm))
                : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        // torchvision's in-place ReLUs and "out += identity": neither input is saved for backward.
        Tensor first = bn1.afterConv(conv1, x);
        first.relu_();
        Tensor second = bn2.afterConv(conv2, first);
        first.close();
        second.relu_();
        Tensor out = bn3.afterConv(conv3, second);
        second.close();
        Tensor identity = downsample == null ? x : downsample.forward(x);
        out.add_(identity);
        if (identity != x) identity.close();
        out.relu_();
        return out;
    }
}
