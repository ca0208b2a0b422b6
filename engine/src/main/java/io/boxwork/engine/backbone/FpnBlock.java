package io.boxwork.engine.backbone;

import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/**
 * One FPN convolution wrapped as torchvision 0.14 wraps it ({@code Conv2dNormActivation} without
 * norm or activation, a Sequential), so its weight is keyed {@code inner_blocks.<i>.0.weight}.
 */
final class FpnBlock extends Module {

    private final Conv2dImpl conv;

    FpnBlock(long in, long out, long kernel, long padding) {
        super("FpnBlock");
        conv = register_module("0", Convs.fpnConv(in, out, kernel, padding));
    }

    Tensor forward(Tensor x) {
        return conv.forward(x);
    }
}
