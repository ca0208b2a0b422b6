package io.boxwork.engine.backbone;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * torchvision's {@code LastLevelMaxPool}: {@code max_pool2d(x, kernel 1, stride 2)}, the "pool"
 * level that gives the largest anchors a map of their own. It has no parameters.
 */
public final class LastLevelMaxPool {

    public static final String NAME = "pool";

    private LastLevelMaxPool() {
    }

    public static Tensor apply(Tensor coarsest) {
        return torch.max_pool2d(coarsest, new long[]{1, 1}, new long[]{2, 2}, new long[]{0, 0}, new long[]{1, 1}, false);
    }
}
