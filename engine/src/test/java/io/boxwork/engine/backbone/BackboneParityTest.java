package io.boxwork.engine.backbone;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.boxwork.engine.detection.GeneralizedRcnnTransform;
import io.boxwork.engine.detection.ImageList;
import io.boxwork.engine.tensor.NamedTensors;
import io.boxwork.engine.tensor.ParityFixtures;
import io.boxwork.engine.tensor.TensorDictFile;
import io.boxwork.engine.tensor.Tensors;
import io.boxwork.engine.tensor.WeightsByName;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Java backbones against torchvision 0.14 with the same random weights (FrozenBatchNorm statistics
 * randomised too) on the same input: every returned map must match.
 */
class BackboneParityTest {

    private static final List<String> FPN_LEVELS = List.of("0", "1", "2", "3", "pool");

    private static Path fixtures;
    private static Map<String, Tensor> input;

    @BeforeAll
    static void writeFixtures() throws Exception {
        fixtures = ParityFixtures.directory("backbones");
        input = TensorDictFile.read(fixtures.resolve("input.pt"));
    }

    @ParameterizedTest(name = "ResNet-{0} FPN")
    @CsvSource({"18", "50"})
    void everyFpnLevelMatchesTorchvisionOnAPaddedBatchAndOnAnOddSizedImage(int depth) throws Exception {
        BackboneWithFpn backbone = Backbones.resnetFpn(depth, 3);
        WeightsByName.copyInto(backbone, TensorDictFile.read(fixtures.resolve("resnet" + depth + "_fpn_state.pt")), Set.of());
        backbone.eval();
        Map<String, Tensor> expected = TensorDictFile.read(fixtures.resolve("resnet" + depth + "_fpn_features.pt"));
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            Map<String, Tensor> padded = backbone.features(input.get("batch"));
            Map<String, Tensor> odd = backbone.features(input.get("odd"));
            assertEquals(FPN_LEVELS, List.copyOf(padded.keySet()));
            for (String level : FPN_LEVELS) {
                assertMatches("ResNet-" + depth + " FPN level " + level, expected.get(level), padded.get(level));
                assertMatches("ResNet-" + depth + " FPN level " + level + " (75 x 101 input)",
                        expected.get("odd_" + level), odd.get(level));
            }
        }
    }

    @Test
    void javaTransformFeedingJavaBackboneMatchesTorchvisionEndToEnd() throws Exception {
        BackboneWithFpn backbone = Backbones.resnetFpn(18, 3);
        WeightsByName.copyInto(backbone, TensorDictFile.read(fixtures.resolve("resnet18_fpn_state.pt")), Set.of());
        backbone.eval();
        Map<String, Tensor> expected = TensorDictFile.read(fixtures.resolve("resnet18_fpn_features.pt"));
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            ImageList batch = GeneralizedRcnnTransform.imageNet(64, 160)
                    .apply(List.of(input.get("image0"), input.get("image1")));
            Map<String, Tensor> maps = backbone.features(batch.tensors());
            for (String level : FPN_LEVELS) {
                assertMatches("transform + ResNet-18 FPN level " + level, expected.get(level), maps.get(level));
            }
        }
    }

    @Test
    void singleMapResNet34MatchesTorchvisionsIntermediateLayerGetter() throws Exception {
        ResNetBackbone backbone = Backbones.resnet(34, 5);
        WeightsByName.copyInto(backbone, TensorDictFile.read(fixtures.resolve("resnet34_state.pt")), Set.of());
        backbone.eval();
        Map<String, Tensor> expected = TensorDictFile.read(fixtures.resolve("resnet34_features.pt"));
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            Map<String, Tensor> maps = backbone.features(input.get("batch"));
            assertEquals(List.of("0"), List.copyOf(maps.keySet()));
            assertEquals(512, backbone.outChannels());
            assertMatches("ResNet-34 single map", expected.get("0"), maps.get("0"));
        }
    }

    @ParameterizedTest(name = "ResNet-{0} FPN, {1} trainable layers")
    @CsvSource({"18, 0", "18, 3", "18, 5", "50, 0", "50, 3", "50, 5"})
    void trainableParametersAreTorchvisionsForTheSameTrainableLayers(int depth, int layers) throws Exception {
        JsonObject json = JsonParser.parseString(Files.readString(fixtures.resolve("trainable.json"))).getAsJsonObject();
        Set<String> expected = new TreeSet<>();
        json.getAsJsonArray("resnet" + depth + "_fpn_" + layers).forEach(e -> expected.add(e.getAsString()));

        BackboneWithFpn backbone = Backbones.resnetFpn(depth, layers);
        Set<String> trainable = new TreeSet<>();
        NamedTensors.parameters(backbone).forEach((name, parameter) -> {
            if (parameter.requires_grad()) {
                trainable.add(name);
            }
        });
        assertEquals(expected, trainable);
    }

    @ParameterizedTest(name = "ResNet-{0} FPN")
    @CsvSource({"18", "34", "50", "101"})
    void everyStateDictKeyAndShapeIsTorchvisions(int depth) throws Exception {
        JsonObject expected = JsonParser.parseString(Files.readString(fixtures.resolve("state_shapes.json")))
                .getAsJsonObject().getAsJsonObject("resnet" + depth + "_fpn");
        Map<String, Tensor> state = WeightsByName.stateOf(Backbones.resnetFpn(depth, 3));
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(state.keySet()));
        for (String key : expected.keySet()) {
            long[] shape = new long[expected.getAsJsonArray(key).size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = expected.getAsJsonArray(key).get(i).getAsLong();
            }
            assertArrayEquals(shape, state.get(key).shape(), key);
        }
    }

    private static void assertMatches(String what, Tensor expected, Tensor actual) {
        assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
        double diff = Tensors.maxAbsDifference(expected, actual);
        double magnitude = Tensors.maxAbs(expected);
        System.out.printf("backbone parity: %s %s max abs diff %.3g (values up to %.3g)%n",
                what, Arrays.toString(actual.shape()), diff, magnitude);
        assertTrue(diff <= 1e-4 * Math.max(1.0, magnitude),
                what + " differs by " + diff + " with values up to " + magnitude);
    }
}
