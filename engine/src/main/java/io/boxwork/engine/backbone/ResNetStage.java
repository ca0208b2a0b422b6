package io.boxwork.engine.backbone;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

import java.util.ArrayList;
import java.util.List;

/** One of layer1..layer4: residual blocks keyed {@code 0, 1, ...} as in torchvision's Sequential. */
final class ResNetStage extends Module {

    private final List<ResidualBlock> blocks = new ArrayList<>();

    ResNetStage(ResNetDepth depth, long inPlanes, long planes, int count, long stride, Normalization norm) {
        super("ResNetStage");
        long in = inPlanes;
        for (int i = 0; i < count; i++) {
            long s = i == 0 ? stride : 1;
            ResidualBlock block = depth.bottleneck() ? new Bottleneck(in, planes, s, norm) : new BasicBlock(in, planes, s, norm);
            blocks.add(register_module(Integer.toString(i), block));
            in = planes * depth.expansion();
        }
    }

    Tensor forward(Tensor x) {
        Tensor out = x;
        for (ResidualBlock block : blocks) {
            Tensor next = block.forward(out);
            if (out != x) out.close();
            out = next;
        }
        return out;
    }
}
