package io.boxwork.engine.backbone;

import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Conv2dOptions;
import org.bytedeco.pytorch.FanModeType;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Nonlinearity;
import org.bytedeco.pytorch.kFanIn;
import org.bytedeco.pytorch.kFanOut;
import org.bytedeco.pytorch.kLeakyReLU;
import org.bytedeco.pytorch.kReLU;
import org.bytedeco.pytorch.global.torch;

/** Square 2-D convolutions with torchvision's initialisations. */
final class Convs {

    private Convs() {
    }

    static Conv2dImpl conv(long in, long out, long kernel, long stride, long padding, boolean bias) {
        Conv2dOptions options = new Conv2dOptions(in, out, new LongPointer(kernel, kernel));
        options.stride().put(new long[]{stride, stride});
        options.padding().put(new LongPointer(padding, padding));
        options.bias().put(bias);
        return new Conv2dImpl(options);
    }

    /** ResNet's init: {@code kaiming_normal_(mode="fan_out", nonlinearity="relu")}. */
    static Conv2dImpl resnetConv(long in, long out, long kernel, long stride, long padding) {
        Conv2dImpl conv = conv(in, out, kernel, stride, padding, false);
        torch.kaiming_normal_(conv.weight(), 0.0, new FanModeType(new kFanOut()), new Nonlinearity(new kReLU()));
        return conv;
    }

    /** The FPN's init: {@code kaiming_uniform_(a=1)}, zero bias. */
    static Conv2dImpl fpnConv(long in, long out, long kernel, long padding) {
        Conv2dImpl conv = conv(in, out, kernel, 1, padding, true);
        torch.kaiming_uniform_(conv.weight(), 1.0, new FanModeType(new kFanIn()), new Nonlinearity(new kLeakyReLU()));
        try (NoGradGuard noGrad = new NoGradGuard()) {
            conv.bias().zero_();
        }
        return conv;
    }
}
