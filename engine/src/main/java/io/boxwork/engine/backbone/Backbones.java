package io.boxwork.engine.backbone;

/**
 * The backbones the detector can be built on, by ResNet depth (18, 34, 50, 101). Build them
 * outside any {@code PointerScope}: a scope would free the Java handles of their layers.
 */
public final class Backbones {

    private Backbones() {
    }

    /** torchvision's {@code resnet_fpn_backbone}: maps "0".."3" and "pool", 256 channels each, with frozen batch norm. */
    public static BackboneWithFpn resnetFpn(int depth, int trainableLayers) {
        return resnetFpn(depth, trainableLayers, Normalization.FROZEN);
    }

    public static BackboneWithFpn resnetFpn(int depth, int trainableLayers, Normalization norm) {
        return new BackboneWithFpn(ResNetDepth.of(depth), trainableLayers, norm);
    }

    /** A ResNet up to layer4 without FPN: one map "0" of 512 (18, 34) or 2048 (50, 101) channels, frozen batch norm. */
    public static ResNetBackbone resnet(int depth, int trainableLayers) {
        return resnet(depth, trainableLayers, Normalization.FROZEN);
    }

    public static ResNetBackbone resnet(int depth, int trainableLayers, Normalization norm) {
        return new ResNetBackbone(ResNetDepth.of(depth), trainableLayers, norm);
    }
}
