package io.boxwork.engine.weights;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightLoaderTest {

    private static final String CLS_WEIGHT = "roi_heads.box_predictor.cls_score.weight";

    /** Independent copies of every tensor, to compare against after a load. */
    private static Map<String, Tensor> snapshot(StateDict stateDict) {
        Map<String, Tensor> copies = new LinkedHashMap<>();
        stateDict.asMap().forEach((key, tensor) -> copies.put(key, tensor.detach().clone()));
        return copies;
    }

    private static StateDict without(StateDict stateDict, String key) {
        return stateDict.filtered(k -> !k.equals(key));
    }

    @Test
    void strictLoadOfMatchingWeightsCopiesEveryTensorIntoTheModuleInPlace() {
        TinyDetector model = new TinyDetector(3);
        Tensor convWeightBefore = StateDict.of(model).get("backbone.body.conv1.weight").orElseThrow();
        StateDict weights = StateDict.of(new TinyDetector(3));

        LoadReport report = WeightLoader.loadStrict(model, weights);

        assertEquals(List.copyOf(weights.keys()), report.loaded());
        assertTrue(report.isExact());
        StateDict after = StateDict.of(model);
        weights.asMap().forEach((key, tensor) -> assertTrue(after.get(key).orElseThrow().equal(tensor), key));
        assertTrue(convWeightBefore.equal(weights.get("backbone.body.conv1.weight").orElseThrow()),
                "the module's own tensor was overwritten, not replaced");
    }

    @Test
    void strictLoadWithAMissingKeyFailsAndLeavesTheModuleUntouched() {
        TinyDetector model = new TinyDetector(3);
        Map<String, Tensor> before = snapshot(StateDict.of(model));
        StateDict weights = without(StateDict.of(new TinyDetector(3)), "rpn.head.cls_logits.bias");

        WeightLoadException error = assertThrows(WeightLoadException.class, () -> WeightLoader.loadStrict(model, weights));

        assertEquals(List.of("rpn.head.cls_logits.bias"), error.report().missing());
        assertTrue(error.getMessage().contains("rpn.head.cls_logits.bias"), error.getMessage());
        StateDict after = StateDict.of(model);
        before.forEach((key, tensor) -> assertTrue(after.get(key).orElseThrow().equal(tensor), key + " changed"));
    }

    @Test
    void partialLoadReportsMissingUnexpectedAndShapeMismatchedKeysAndLoadsTheRest() {
        TinyDetector model = new TinyDetector(3);
        Map<String, Tensor> weights = new LinkedHashMap<>(without(StateDict.of(new TinyDetector(5)), "rpn.head.cls_logits.weight").asMap());
        weights.put("roi_heads.box_head.fc6.weight", torch.rand(4, 4));

        LoadReport report = WeightLoader.load(model, new StateDict(weights), LoadMode.PARTIAL, KeyFilter.everything(), "test");

        assertEquals(List.of("rpn.head.cls_logits.weight"), report.missing());
        assertEquals(List.of("roi_heads.box_head.fc6.weight"), report.unexpected());
        assertEquals(List.of(
                new LoadReport.ShapeMismatch(CLS_WEIGHT, List.of(5L, 16L), List.of(3L, 16L)),
                new LoadReport.ShapeMismatch("roi_heads.box_predictor.cls_score.bias", List.of(5L), List.of(3L)),
                new LoadReport.ShapeMismatch("roi_heads.box_predictor.bbox_pred.weight", List.of(20L, 16L), List.of(12L, 16L)),
                new LoadReport.ShapeMismatch("roi_heads.box_predictor.bbox_pred.bias", List.of(20L), List.of(12L))),
                report.mismatched());
        assertTrue(report.loaded().contains("backbone.body.conv1.weight"));
        assertEquals(StateDict.of(model).size() - 1 - 4, report.loaded().size());
    }

    @Test
    void allButPredictorFineTunesACocoDetectorForAnotherClassCount() {
        TinyDetector model = new TinyDetector(3);
        Tensor predictorBefore = StateDict.of(model).get(CLS_WEIGHT).orElseThrow().clone();
        StateDict coco = StateDict.of(new TinyDetector(91));

        LoadReport report = WeightLoader.loadPartial(model, coco, KeyFilter.allButPredictor());

        assertTrue(report.isExact(), report.summary());
        assertTrue(report.skipped().containsAll(List.of(CLS_WEIGHT, "roi_heads.box_predictor.bbox_pred.bias")));
        assertTrue(report.loaded().stream().noneMatch(k -> k.startsWith(KeyFilter.PREDICTOR_PREFIX)));
        assertTrue(StateDict.of(model).get(CLS_WEIGHT).orElseThrow().equal(predictorBefore));
        assertTrue(StateDict.of(model).get("rpn.head.conv.0.0.weight").orElseThrow()
                .equal(coco.get("rpn.head.conv.0.0.weight").orElseThrow()));
    }

    @Test
    void backboneOnlyLeavesHeadsAtTheirInitialValues() {
        TinyDetector model = new TinyDetector(3);
        Tensor rpnBefore = StateDict.of(model).get("rpn.head.conv.0.0.weight").orElseThrow().clone();
        StateDict weights = StateDict.of(new TinyDetector(3));

        LoadReport report = WeightLoader.loadPartial(model, weights, KeyFilter.backboneOnly());

        assertTrue(report.isExact(), report.summary());
        assertTrue(report.loaded().stream().allMatch(k -> k.startsWith(KeyFilter.BACKBONE_PREFIX)));
        assertEquals(List.of(), report.missing(), "keys outside the filter are not missing");
        assertTrue(StateDict.of(model).get("rpn.head.conv.0.0.weight").orElseThrow().equal(rpnBefore));
    }

    @Test
    void olderTorchvisionFpnAndRpnKeysLoadUnderTheirCurrentNames() {
        TinyDetector model = new TinyDetector(3);
        StateDict current = StateDict.of(new TinyDetector(3));
        StateDict old = current.renamed(key -> key
                .replace("fpn.inner_blocks.0.0.", "fpn.inner_blocks.0.")
                .replace("fpn.layer_blocks.0.0.", "fpn.layer_blocks.0.")
                .replace("rpn.head.conv.0.0.", "rpn.head.conv."));

        LoadReport report = WeightLoader.loadStrict(model, old);

        assertEquals("backbone.fpn.inner_blocks.0.0.weight", report.renamed().get("backbone.fpn.inner_blocks.0.weight"));
        assertEquals("rpn.head.conv.0.0.bias", report.renamed().get("rpn.head.conv.bias"));
        assertEquals(6, report.renamed().size());
        assertTrue(StateDict.of(model).get("rpn.head.conv.0.0.weight").orElseThrow()
                .equal(current.get("rpn.head.conv.0.0.weight").orElseThrow()));
    }

    @Test
    void dataParallelModulePrefixIsStripped() {
        TinyDetector model = new TinyDetector(3);
        StateDict wrapped = StateDict.of(new TinyDetector(3)).renamed(key -> "module." + key);

        LoadReport report = WeightLoader.loadStrict(model, wrapped);

        assertEquals(StateDict.of(model).size(), report.loaded().size());
        assertEquals("backbone.body.conv1.weight", report.renamed().get("module.backbone.body.conv1.weight"));
    }

    @Test
    void batchCountOfATrainableBatchNormIsDroppedForAFrozenOne() {
        TinyDetector model = new TinyDetector(3);
        Map<String, Tensor> weights = new LinkedHashMap<>(StateDict.of(new TinyDetector(3)).asMap());
        weights.put("backbone.body.bn1.num_batches_tracked", torch.zeros(new long[0]));

        LoadReport report = WeightLoader.loadStrict(model, new StateDict(weights));

        assertEquals(List.of("backbone.body.bn1.num_batches_tracked"), report.skipped());
        assertFalse(report.loaded().contains("backbone.body.bn1.num_batches_tracked"));
    }

    @Test
    void imageNetClassifierWeightsLoadIntoTheDetectorBackboneBody() {
        TinyDetector model = new TinyDetector(3);
        Map<String, Tensor> classifier = new LinkedHashMap<>();
        classifier.put("conv1.weight", torch.rand(4, 3, 3, 3));
        for (String buffer : List.of("weight", "bias", "running_mean", "running_var")) {
            classifier.put("bn1." + buffer, torch.rand(4));
        }
        classifier.put("bn1.num_batches_tracked", torch.zeros(new long[0]));
        classifier.put("fc.weight", torch.rand(1000, 4));
        classifier.put("fc.bias", torch.rand(1000));

        StateDict body = BackboneKeys.fromImageNetClassifier(new StateDict(classifier));
        LoadReport report = WeightLoader.loadPartial(model, body, KeyFilter.backboneOnly());

        assertEquals(List.of("backbone.body.conv1.weight", "backbone.body.bn1.weight", "backbone.body.bn1.bias",
                "backbone.body.bn1.running_mean", "backbone.body.bn1.running_var"), report.loaded());
        assertEquals(List.of(), report.unexpected());
        assertTrue(StateDict.of(model).get("backbone.body.conv1.weight").orElseThrow().equal(classifier.get("conv1.weight")));
    }
}
