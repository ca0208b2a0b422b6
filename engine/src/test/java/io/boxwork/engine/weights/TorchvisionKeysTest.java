package io.boxwork.engine.weights;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key mappings checked against the key names torchvision itself produces. */
class TorchvisionKeysTest {

    @Test
    void olderFpnAndRpnLayoutMigratesToTheCurrentKeysWithTheSameTensors() throws IOException {
        StateDict current = PthReader.readStateDict(WeightFixtures.file("fasterrcnn_resnet50_fpn"));
        StateDict old = PthReader.readStateDict(WeightFixtures.file("fasterrcnn_resnet50_fpn_old_layout"));
        assertTrue(old.contains("backbone.fpn.inner_blocks.0.weight") && old.contains("rpn.head.conv.weight"));

        KeyMigration.Result migrated = KeyMigration.towards(old, current.keys());

        assertEquals(List.copyOf(current.keys()), List.copyOf(migrated.weights().keys()));
        // 4 FPN levels x (inner, layer) x (weight, bias) + the RPN conv's weight and bias
        assertEquals(18, migrated.renamed().size());
        assertEquals("backbone.fpn.layer_blocks.3.0.bias", migrated.renamed().get("backbone.fpn.layer_blocks.3.bias"));
        assertEquals(TensorReference.sha256(current.get("rpn.head.conv.0.0.weight").orElseThrow()),
                TensorReference.sha256(migrated.weights().get("rpn.head.conv.0.0.weight").orElseThrow()));
    }

    @Test
    void currentNameOfAnOldKeyFollowsTorchvisionsVersionHooks() {
        assertEquals("backbone.fpn.inner_blocks.2.0.weight", KeyMigration.currentName("backbone.fpn.inner_blocks.2.weight").orElseThrow());
        assertEquals("rpn.head.conv.0.0.weight", KeyMigration.currentName("module.rpn.head.conv.weight").orElseThrow());
        assertEquals("backbone.body.conv1.weight", KeyMigration.currentName("module.backbone.body.conv1.weight").orElseThrow());
        assertTrue(KeyMigration.currentName("backbone.fpn.inner_blocks.2.0.weight").isEmpty());
        assertTrue(KeyMigration.currentName("rpn.head.cls_logits.weight").isEmpty());
    }

    @Test
    void imageNetResnet18KeysCoverExactlyTheBodyOfAResnet18FpnDetector() throws IOException {
        WeightFixtures.file("resnet18");
        Set<String> detectorKeys = new LinkedHashSet<>();
        JsonParser.parseString(Files.readString(WeightFixtures.FOLDER.resolve("fasterrcnn_resnet18_fpn_keys.json")))
                .getAsJsonArray().forEach(key -> detectorKeys.add(key.getAsString()));
        StateDict classifier = PthReader.readStateDict(WeightFixtures.file("resnet18"));

        StateDict body = BackboneKeys.fromImageNetClassifier(classifier);
        KeyMigration.Result migrated = KeyMigration.towards(body, detectorKeys);

        List<String> detectorBody = detectorKeys.stream().filter(k -> k.startsWith(BackboneKeys.BODY_PREFIX)).toList();
        assertEquals(detectorBody, List.copyOf(migrated.weights().keys()));
        assertTrue(migrated.dropped().stream().allMatch(k -> k.endsWith(".num_batches_tracked")), migrated.dropped().toString());
        assertEquals(classifier.size() - 2, body.size(), "fc.weight and fc.bias are dropped");
    }
}
