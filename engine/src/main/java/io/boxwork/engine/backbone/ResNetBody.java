package io.boxwork.engine.backbone;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

import java.util.List;

/**
 * The {@code body} of torchvision's {@code BackboneWithFPN}: a ResNet up to layer4 whose stage
 * outputs feed the FPN (torchvision's {@code IntermediateLayerGetter} over layer1..layer4).
 */
public final class ResNetBody extends Module {

    private final ResNetTrunk trunk;

    public ResNetBody(ResNetDepth depth, Normalization norm) {
        super("ResNetBody");
        trunk = new ResNetTrunk(this, depth, norm);
    }

    public ResNetDepth depth() {
        return trunk.depth();
    }

    /** Outputs of layer1..layer4. */
    public List<Tensor> forward(Tensor images) {
        return trunk.forward(images);
    }
}
