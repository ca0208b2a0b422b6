package io.boxwork.engine.weights;

import com.google.gson.JsonElement;
import org.bytedeco.pytorch.Module;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** torchvision's own state dicts loaded by name into a module tree named like the model. */
class TorchvisionLoadTest {

    private static void assertLoadsEveryTensorExactly(String model) throws IOException {
        JsonElement reference = WeightFixtures.reference(model);
        Module mirror = MirrorModule.of(reference);

        LoadReport report = WeightLoader.loadFile(mirror, WeightFixtures.file(model), LoadMode.STRICT, KeyFilter.everything());

        assertTrue(report.isExact(), report.summary());
        StateDict loaded = StateDict.of(mirror);
        assertEquals(reference.getAsJsonObject().getAsJsonArray("dict").size(), report.loaded().size());
        for (JsonElement entry : reference.getAsJsonObject().getAsJsonArray("dict")) {
            String key = entry.getAsJsonArray().get(0).getAsJsonObject().get("str").getAsString();
            String expected = entry.getAsJsonArray().get(1).getAsJsonObject().getAsJsonObject("tensor").get("sha256").getAsString();
            assertEquals(expected, TensorReference.sha256(loaded.get(key).orElseThrow()), key);
        }
    }

    @Test
    void resnet18StateDictLoadsStrictlyIntoAModuleOfTheSameNames() throws IOException {
        assertLoadsEveryTensorExactly("resnet18");
    }

    @Test
    void fasterRcnnStateDictLoadsStrictlyIntoAModuleOfTheSameNames() throws IOException {
        assertLoadsEveryTensorExactly("fasterrcnn_resnet50_fpn");
    }

    @Test
    void oldLayoutFasterRcnnLoadsIntoTheCurrentLayout() throws IOException {
        Module mirror = MirrorModule.of(WeightFixtures.reference("fasterrcnn_resnet50_fpn"));

        LoadReport report = WeightLoader.loadFile(mirror, WeightFixtures.file("fasterrcnn_resnet50_fpn_old_layout"),
                LoadMode.STRICT, KeyFilter.everything());

        assertTrue(report.isExact(), report.summary());
        assertEquals(18, report.renamed().size());
    }
}
