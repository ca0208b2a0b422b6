package io.boxwork.engine.backbone;

/** Which {@link Norm2d} a ResNet is built with; both carry torchvision's state-dict keys. */
public enum Normalization {
    /** Fixed statistics and affine terms, for fine-tuning trained weights on small batches. */
    FROZEN,
    /** Batch statistics in training, running statistics in evaluation, trainable affine terms. */
    BATCH;

    /** torchvision's rule: frozen when the backbone starts from trained weights, batch norm otherwise. */
    public static Normalization forStart(boolean pretrained) {
        return pretrained ? FROZEN : BATCH;
    }

    Norm2d create(long features) {
        return this == FROZEN ? new FrozenBatchNorm2d(features) : new BatchNorm2d(features);
    }
}
