package io.boxwork.engine.backbone;

import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/**
 * The shortcut projection of a block whose shape changes: torchvision's
 * {@code nn.Sequential(conv1x1, norm)}, hence the children named {@code 0} and {@code 1}.
 */
final class Downsample extends Module {

    private final Conv2dImpl conv;
    private final Norm2d bn;

    Downsample(long in, long out, long stride, Normalization norm) {
        super("Downsample");
        conv = register_module("0", Convs.resnetConv(in, out, 1, stride, 0));
        bn = register_module("1", norm.create(out));
    }

    Tensor forward(Tensor x) {
        return bn.afterConv(conv, x);
    }
}
