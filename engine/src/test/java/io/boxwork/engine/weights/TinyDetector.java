package io.boxwork.engine.weights;

import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Conv2dOptions;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.global.torch;

/**
 * A detector-shaped module small enough for unit tests: a few layers under the key names of
 * torchvision's Faster R-CNN ({@code backbone.body.conv1}, a frozen {@code bn1},
 * {@code backbone.fpn.inner_blocks.0.0}, {@code rpn.head.conv.0.0},
 * {@code roi_heads.box_predictor.cls_score} / {@code bbox_pred}).
 */
final class TinyDetector extends Module {

    TinyDetector(int classes) {
        Module backbone = register_module("backbone", new Module());
        Module body = backbone.register_module("body", new Module());
        body.register_module("conv1", conv(3, 4, 3, false));
        Module frozenBatchNorm = body.register_module("bn1", new Module());
        frozenBatchNorm.register_buffer("weight", torch.rand(4));
        frozenBatchNorm.register_buffer("bias", torch.rand(4));
        frozenBatchNorm.register_buffer("running_mean", torch.rand(4));
        frozenBatchNorm.register_buffer("running_var", torch.rand(4));
        Module fpn = backbone.register_module("fpn", new Module());
        fpn.register_module("inner_blocks", new Module()).register_module("0", new Module()).register_module("0", conv(4, 8, 1, true));
        fpn.register_module("layer_blocks", new Module()).register_module("0", new Module()).register_module("0", conv(8, 8, 3, true));
        Module head = register_module("rpn", new Module()).register_module("head", new Module());
        head.register_module("conv", new Module()).register_module("0", new Module()).register_module("0", conv(8, 8, 3, true));
        head.register_module("cls_logits", conv(8, 3, 1, true));
        Module predictor = register_module("roi_heads", new Module()).register_module("box_predictor", new Module());
        predictor.register_module("cls_score", new LinearImpl(16, classes));
        predictor.register_module("bbox_pred", new LinearImpl(16, classes * 4L));
    }

    private static Conv2dImpl conv(long in, long out, long kernel, boolean bias) {
        Conv2dOptions options = new Conv2dOptions(in, out, new LongPointer(kernel, kernel));
        options.bias().put(bias);
        return new Conv2dImpl(options);
    }
}
