package io.boxwork.engine.backbone;

import io.boxwork.engine.tensor.NamedTensors;
import io.boxwork.engine.tensor.Tensors;
import io.boxwork.engine.tensor.WeightsByName;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackboneStructureTest {

    @Test
    void fpnBackboneReturnsFiveMapsOf256ChannelsAtStrides4To64() {
        BackboneWithFpn backbone = Backbones.resnetFpn(18, 3);
        backbone.eval();
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            LinkedHashMap<String, Tensor> maps = backbone.features(torch.rand(1, 3, 128, 64));
            assertEquals(List.of("0", "1", "2", "3", "pool"), List.copyOf(maps.keySet()));
            assertArrayEquals(new long[]{1, 256, 32, 16}, maps.get("0").shape());
            assertArrayEquals(new long[]{1, 256, 16, 8}, maps.get("1").shape());
            assertArrayEquals(new long[]{1, 256, 8, 4}, maps.get("2").shape());
            assertArrayEquals(new long[]{1, 256, 4, 2}, maps.get("3").shape());
            assertArrayEquals(new long[]{1, 256, 2, 1}, maps.get("pool").shape());
        }
        assertEquals(256, backbone.outChannels());
    }

    @Test
    void singleMapResNet50Gives2048ChannelsAtStride32() {
        ResNetBackbone backbone = Backbones.resnet(50, 0);
        backbone.eval();
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            LinkedHashMap<String, Tensor> maps = backbone.features(torch.rand(1, 3, 64, 96));
            assertEquals(List.of("0"), List.copyOf(maps.keySet()));
            assertArrayEquals(new long[]{1, 2048, 2, 3}, maps.get("0").shape());
        }
        assertEquals(2048, backbone.outChannels());
    }

    @Test
    void fpnBackboneIsKeyedAsTorchvisionKeysIt() {
        Map<String, Tensor> state = WeightsByName.stateOf(Backbones.resnetFpn(50, 3));
        for (String key : List.of("body.conv1.weight", "body.bn1.running_var", "body.layer1.0.conv3.weight",
                "body.layer1.0.downsample.0.weight", "body.layer1.0.downsample.1.bias",
                "body.layer4.2.bn3.running_mean", "fpn.inner_blocks.0.0.weight", "fpn.inner_blocks.3.0.bias",
                "fpn.layer_blocks.2.0.weight")) {
            assertTrue(state.containsKey(key), key + " missing");
        }
        assertFalse(state.keySet().stream().anyMatch(k -> k.startsWith("body.fc")), "the classifier must be gone");
        assertArrayEquals(new long[]{256, 2048, 1, 1}, state.get("fpn.inner_blocks.3.0.weight").shape());
    }

    @Test
    void singleMapBackboneUsesPlainResNetKeysWithoutDownsampleWhereShapesAgree() {
        Set<String> keys = WeightsByName.stateOf(Backbones.resnet(18, 5)).keySet();
        assertTrue(keys.contains("conv1.weight"));
        assertTrue(keys.contains("layer2.0.downsample.0.weight"));
        assertFalse(keys.contains("layer1.0.downsample.0.weight"), "layer1 of ResNet-18 keeps its shape");
    }

    @Test
    void noTrainableLayersLeavesOnlyTheFpnTrainable() {
        NamedTensors.parameters(Backbones.resnetFpn(18, 0)).forEach((name, parameter) ->
                assertEquals(name.startsWith("fpn."), parameter.requires_grad(), name));
    }

    @Test
    void backwardReachesTheTrainableLayersAndTheFpnButNotTheFrozenOnes() {
        BackboneWithFpn backbone = Backbones.resnetFpn(18, 2);
        try (PointerScope scope = new PointerScope()) {
            LinkedHashMap<String, Tensor> maps = backbone.features(torch.rand(1, 3, 64, 64));
            maps.get("0").sum().add(maps.get("pool").sum()).backward();
            Map<String, Tensor> parameters = NamedTensors.parameters(backbone);
            assertTrue(parameters.get("body.layer4.1.conv2.weight").grad().defined());
            assertTrue(parameters.get("body.layer3.0.downsample.0.weight").grad().defined());
            assertTrue(parameters.get("fpn.inner_blocks.0.0.bias").grad().defined());
            assertFalse(parameters.get("body.layer2.0.conv1.weight").grad().defined());
            assertFalse(parameters.get("body.conv1.weight").grad().defined());
        }
    }

    @Test
    void singleMapBackboneFreezesFromConv1UpwardsLikeTheFpnBody() {
        NamedTensors.parameters(Backbones.resnet(34, 3)).forEach((name, parameter) -> {
            boolean expected = name.startsWith("layer2") || name.startsWith("layer3") || name.startsWith("layer4");
            assertEquals(expected, parameter.requires_grad(), name);
        });
    }

    @Test
    void theModelStaysUsableAcrossSuccessiveScopes() {
        ResNetBackbone backbone = Backbones.resnet(18, 0);
        backbone.eval();
        float[] first;
        Tensor input = torch.rand(1, 3, 32, 32);
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            first = Tensors.toFloats(backbone.features(input).get("0"));
        }
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            assertArrayEquals(first, Tensors.toFloats(backbone.features(input).get("0")));
        }
    }

    @Test
    void trainableLayersOutsideZeroToFiveAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backbones.resnetFpn(18, 6));
        assertTrue(e.getMessage().contains("[0, 5]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Backbones.resnet(34, -1));
    }

    @Test
    void anUnsupportedDepthIsRefusedNamingTheSupportedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backbones.resnetFpn(152, 3));
        assertTrue(e.getMessage().contains("18, 34, 50, 101"), e.getMessage());
    }
}
