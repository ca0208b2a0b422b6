package io.boxwork.engine.backbone;

import org.bytedeco.pytorch.Tensor;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * A ResNet without FPN giving one map "0" (layer4, stride 32): the torchvision tutorial's
 * "backbone with a single feature map" built on a ResNet. Its layers are keyed as torchvision's
 * {@code IntermediateLayerGetter(resnet, {"layer4": "0"})} keys them ({@code conv1},
 * {@code layer1.0.conv1}, ...), which are also the keys of a plain torchvision ResNet state dict.
 */
public final class ResNetBackbone extends Backbone {

    private final ResNetTrunk trunk;

    /** @param trainableLayers 0..5 stages left trainable, from layer4 down */
    public ResNetBackbone(ResNetDepth depth, int trainableLayers, Normalization norm) {
        super();
        trunk = new ResNetTrunk(this, depth, norm);
        TrainableLayers.apply(this, trainableLayers);
    }

    public ResNetDepth depth() {
        return trunk.depth();
    }

    @Override
    public LinkedHashMap<String, Tensor> features(Tensor images) {
        List<Tensor> stages = trunk.forward(images);
        LinkedHashMap<String, Tensor> maps = new LinkedHashMap<>();
        maps.put("0", stages.get(stages.size() - 1));
        for (int i = 0; i < stages.size() - 1; i++) stages.get(i).close();
        return maps;
    }

    /** 512 for ResNet-18/34, 2048 for ResNet-50/101. */
    @Override
    public long outChannels() {
        return trunk.depth().stageChannels()[3];
    }
}
