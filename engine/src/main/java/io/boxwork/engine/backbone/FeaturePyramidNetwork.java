package io.boxwork.engine.backbone;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * torchvision's {@code FeaturePyramidNetwork} with the {@code LastLevelMaxPool} extra block:
 * a 1x1 lateral per input map, a top-down path that nearest-upsamples the coarser sum to the
 * lateral's size, a 3x3 smoothing conv per level, and a stride-2 max pool of the coarsest
 * result as an extra level.
 */
public final class FeaturePyramidNetwork extends Module {

    private final FpnBlockList innerBlocks;
    private final FpnBlockList layerBlocks;
    private final long outChannels;

    /**
     * @param inChannels  channels of each input map, finest first
     * @param outChannels channels of every output map (256 in torchvision's detectors)
     */
    public FeaturePyramidNetwork(long[] inChannels, long outChannels) {
        super("FeaturePyramidNetwork");
        if (inChannels.length == 0 || Arrays.stream(inChannels).anyMatch(c -> c <= 0)) {
            throw new IllegalArgumentException("FPN input channels must be positive, got " + Arrays.toString(inChannels));
        }
        innerBlocks = register_module("inner_blocks", new FpnBlockList(inChannels, outChannels, 1, 0));
        layerBlocks = register_module("layer_blocks", new FpnBlockList(
                Arrays.stream(inChannels).map(c -> outChannels).toArray(), outChannels, 3, 1));
        this.outChannels = outChannels;
    }

    public long outChannels() {
        return outChannels;
    }

    /**
     * @param features input maps, finest first, as many as input channels were given
     * @return one map per input, finest first, followed by the max-pooled extra level
     */
    public List<Tensor> forward(List<Tensor> features) {
        int n = innerBlocks.size();
        if (features.size() != n) {
            throw new IllegalArgumentException("the FPN takes " + n + " maps, got " + features.size());
        }
        Tensor[] results = new Tensor[n];
        Tensor lastInner = innerBlocks.get(n - 1).forward(features.get(n - 1));
        results[n - 1] = layerBlocks.get(n - 1).forward(lastInner);
        for (int i = n - 2; i >= 0; i--) {
            Tensor lateral = innerBlocks.get(i).forward(features.get(i));
            long[] size = {lateral.size(2), lateral.size(3)};
            Tensor topDown = torch.upsample_nearest2d(lastInner, size);
            // Summed in place, and each spent map freed now rather than when the scope closes.
            lateral.add_(topDown);
            topDown.close();
            lastInner.close();
            lastInner = lateral;
            results[i] = layerBlocks.get(i).forward(lastInner);
        }
        lastInner.close();
        List<Tensor> out = new ArrayList<>(Arrays.asList(results));
        out.add(LastLevelMaxPool.apply(results[n - 1]));
        return out;
    }
}
