package io.boxwork.engine.backbone;

import java.util.Arrays;

/** The ResNets torchvision's detection backbones build on: block kind and blocks per stage. */
public enum ResNetDepth {
    RESNET18(18, false, 2, 2, 2, 2),
    RESNET34(34, false, 3, 4, 6, 3),
    RESNET50(50, true, 3, 4, 6, 3),
    RESNET101(101, true, 3, 4, 23, 3);

    private final int depth;
    private final boolean bottleneck;
    private final int[] blocks;

    ResNetDepth(int depth, boolean bottleneck, int... blocks) {
        this.depth = depth;
        this.bottleneck = bottleneck;
        this.blocks = blocks;
    }

    public static ResNetDepth of(int depth) {
        return Arrays.stream(values()).filter(d -> d.depth == depth).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ResNet of depth " + depth
                        + "; supported: 18, 34, 50, 101"));
    }

    public int depth() {
        return depth;
    }

    public boolean bottleneck() {
        return bottleneck;
    }

    /** Blocks in layer1..layer4. */
    public int blocks(int stage) {
        return blocks[stage];
    }

    /** Channel multiplier of a block's output over its width (4 for bottlenecks). */
    public int expansion() {
        return bottleneck ? Bottleneck.EXPANSION : BasicBlock.EXPANSION;
    }

    /** Output channels of layer1..layer4: 64, 128, 256, 512 times the expansion. */
    public long[] stageChannels() {
        long e = expansion();
        return new long[]{64 * e, 128 * e, 256 * e, 512 * e};
    }
}
