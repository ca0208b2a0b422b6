package io.boxwork.engine.backbone;

import org.bytedeco.pytorch.Module;

import java.util.ArrayList;
import java.util.List;

/** torchvision's {@code nn.ModuleList} of FPN blocks: children keyed {@code 0, 1, ...}. */
final class FpnBlockList extends Module {

    private final List<FpnBlock> blocks = new ArrayList<>();

    FpnBlockList(long[] inChannels, long outChannels, long kernel, long padding) {
        super("FpnBlockList");
        for (int i = 0; i < inChannels.length; i++) {
            blocks.add(register_module(Integer.toString(i), new FpnBlock(inChannels[i], outChannels, kernel, padding)));
        }
    }

    FpnBlock get(int index) {
        return blocks.get(index);
    }

    int size() {
        return blocks.size();
    }
}
