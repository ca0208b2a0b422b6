package io.boxwork.engine.backbone;

import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.DetailConv2dOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * A convolution followed by a per-channel affine map, {@code conv(x)·scale + shift}, computed as
 * one convolution with scaled weights and {@code shift} as its bias. This is how a frozen (or
 * evaluating) batch norm is usually deployed: the two activation-sized passes of the multiply and
 * the add, and their backward, go away, and only the weights (far fewer numbers than a
 * high-resolution activation) are scaled. The result equals the unfolded one up to float rounding.
 */
final class FoldedConv {

    private FoldedConv() {
    }

    /**
     * @param scale per output channel, shape {@code [out]}
     * @param shift per output channel, shape {@code [out]}; the convolution's own bias, if any, is
     *              folded in as well
     */
    static Tensor forward(Conv2dImpl conv, Tensor x, Tensor scale, Tensor shift) {
        DetailConv2dOptions options = conv.options();
        Tensor perFilter = scale.reshape(-1, 1, 1, 1);
        Tensor weight = conv.weight().mul(perFilter);
        perFilter.close();
        Tensor bias = shift;
        Tensor ownBias = conv.bias();
        boolean hasOwnBias = ownBias.defined();
        if (hasOwnBias) bias = ownBias.mul(scale).add(shift);
        Tensor out = torch.conv2d(x, weight, new TensorOptional(bias), pair(options.stride()),
            pair(options.padding().get0()), pair(options.dilation()), options.groups().get());
        weight.close();
        if (hasOwnBias) bias.close();
        return out;
    }

    private static long[] pair(LongPointer p) {
        return new long[]{p.get(0), p.get(1)};
    }
}
