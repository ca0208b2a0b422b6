package io.boxwork.engine.backbone;

import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.List;

/**
 * A ResNet up to layer4 (no pooling head, no fc), registered on an owner module under
 * torchvision's names ({@code conv1, bn1, layer1..layer4}). Both the FPN body and the single-map
 * backbone own one, so the layout and the freezing rule live here once.
 */
final class ResNetTrunk {

    private final ResNetDepth depth;
    private final Conv2dImpl conv1;
    private final Norm2d bn1;
    private final ResNetStage[] stages = new ResNetStage[4];

    ResNetTrunk(Module owner, ResNetDepth depth, Normalization norm) {
        this.depth = depth;
        conv1 = owner.register_module("conv1", Convs.resnetConv(3, 64, 7, 2, 3));
        bn1 = owner.register_module("bn1", norm.create(64));
        long inPlanes = 64;
        long[] planes = {64, 128, 256, 512};
        for (int i = 0; i < 4; i++) {
            stages[i] = owner.register_module("layer" + (i + 1),
                    new ResNetStage(depth, inPlanes, planes[i], depth.blocks(i), i == 0 ? 1 : 2, norm));
            inPlanes = planes[i] * depth.expansion();
        }
    }

    ResNetDepth depth() {
        return depth;
    }

    /**
     * The outputs of layer1..layer4 (strides 4, 8, 16, 32), in channels-last memory order. On the
     * CPU, oneDNN convolves channels-last tensors as they are, while each channels-first one is
     * reordered into its blocked layout and back around every convolution: measured on ResNet-50
     * at 512 px, the body took 262–266 ms instead of 359–382. Every later step (norm, ReLU, pooling,
     * the FPN's upsampling and the heads' convolutions) keeps the order, and the values are the
     * same up to float rounding.
     */
    List<Tensor> forward(Tensor images) {
        Tensor channelsLast = images.contiguous(torch.MemoryFormat.ChannelsLast);
        Tensor stem = bn1.afterConv(conv1, channelsLast);
        channelsLast.close();
        stem.relu_();
        Tensor x = torch.max_pool2d(stem, new long[]{3, 3}, new long[]{2, 2}, new long[]{1, 1}, new long[]{1, 1}, false);
        stem.close();
        List<Tensor> outputs = new ArrayList<>(4);
        for (ResNetStage stage : stages) {
            x = stage.forward(x);
            outputs.add(x);
        }
        return outputs;
    }
}
