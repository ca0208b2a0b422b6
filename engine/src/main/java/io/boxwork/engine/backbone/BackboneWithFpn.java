package io.boxwork.engine.backbone;

import org.bytedeco.pytorch.Tensor;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * torchvision's {@code BackboneWithFPN} over a ResNet: children {@code body} and {@code fpn}, so a
 * detector registering it as {@code backbone} has torchvision's {@code backbone.body.*} and
 * {@code backbone.fpn.*} keys. Returns maps "0".."3" (strides 4 to 32) and "pool" (stride 64).
 */
public final class BackboneWithFpn extends Backbone {

    /** torchvision's FPN width for its detectors. */
    public static final long FPN_CHANNELS = 256;

    private final ResNetBody body;
    private final FeaturePyramidNetwork fpn;

    /** @param trainableLayers 0..5 ResNet stages left trainable, from layer4 down (the FPN always trains) */
    public BackboneWithFpn(ResNetDepth depth, int trainableLayers, Normalization norm) {
        super();
        body = register_module("body", new ResNetBody(depth, norm));
        TrainableLayers.apply(body, trainableLayers);
        fpn = register_module("fpn", new FeaturePyramidNetwork(depth.stageChannels(), FPN_CHANNELS));
    }

    public ResNetBody body() {
        return body;
    }

    public FeaturePyramidNetwork fpn() {
        return fpn;
    }

    @Override
    public LinkedHashMap<String, Tensor> features(Tensor images) {
        List<Tensor> stages = body.forward(images);
        List<Tensor> levels = fpn.forward(stages);
        // The stage outputs are spent once the FPN has read them (autograd keeps what it needs).
        for (Tensor stage : stages) stage.close();
        return named(levels);
    }

    /** The FPN's levels under torchvision's names: "0".."3" for the pyramid, "pool" for the extra level. */
    public static LinkedHashMap<String, Tensor> named(List<Tensor> levels) {
        LinkedHashMap<String, Tensor> maps = new LinkedHashMap<>();
        for (int i = 0; i < levels.size() - 1; i++) {
            maps.put(Integer.toString(i), levels.get(i));
        }
        maps.put(LastLevelMaxPool.NAME, levels.get(levels.size() - 1));
        return maps;
    }

    @Override
    public long outChannels() {
        return FPN_CHANNELS;
    }
}
