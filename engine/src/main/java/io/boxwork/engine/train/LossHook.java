package io.boxwork.engine.train;

import org.bytedeco.pytorch.Tensor;

/**
 * A last look at the total loss before backward: loss scaling, or planting a fault to prove the
 * run survives it.
 */
@FunctionalInterface
public interface LossHook {
    LossHook NONE = (iteration, total) -> total;

    Tensor apply(long iteration, Tensor total);
}
