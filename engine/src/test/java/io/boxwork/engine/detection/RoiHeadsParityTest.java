package io.boxwork.engine.detection;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static io.boxwork.engine.detection.Close.assertClose;
import static io.boxwork.engine.detection.Close.assertSameDetections;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoiHeadsParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"r50", "r18"})
    void pooledFeaturesAndPredictionsMatchTorchvisionOnItsProposals(String model) throws Exception {
        HeadsFixture f = new HeadsFixture(model, HeadsFixture.smallImages());
        try (PointerScope ignored = new PointerScope()) {
            List<Tensor> proposals = f.perImage("proposals_");
            Tensor pooled = MultiScaleRoiAlign.of(f.config).forward(f.features(), proposals, f.ref.imageSizes());
            assertClose(f.ref.get("box_roi_pool"), pooled, 1e-4, model + " MultiScaleRoIAlign");
            FastRcnnPredictor.Outputs out = f.roiHeads.predict(f.features(), proposals, f.ref.imageSizes());
            assertClose(f.ref.get("class_logits"), out.classLogits(), 1e-3, model + " class logits");
            assertClose(f.ref.get("box_regression"), out.boxDeltas(), 1e-3, model + " box regression");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"r50", "r18"})
    void detectionsMatchTorchvisionBoxesScoresAndLabels(String model) throws Exception {
        HeadsFixture f = new HeadsFixture(model, HeadsFixture.smallImages());
        try (PointerScope ignored = new PointerScope()) {
            RoiHeads.Output out = f.roiHeads.forward(f.features(), f.perImage("proposals_"), f.ref.imageSizes(), null);
            for (int i = 0; i < out.detections().size(); i++) {
                Detections d = out.detections().get(i);
                assertTrue(d.scores().size(0) > 0, "the fixture must give detections to compare");
                assertSameDetections(f.ref.get("detections_boxes_" + i), f.ref.get("detections_scores_" + i),
                        f.ref.get("detections_labels_" + i), d, 1e-2, 1e-4, model + " detections of image " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"r50", "r18"})
    void rawCandidatesRunThroughTorchvisionsSelectionGiveTheDetections(String model) throws Exception {
        HeadsFixture f = new HeadsFixture(model, HeadsFixture.smallImages());
        try (PointerScope ignored = new PointerScope()) {
            RoiHeads.Output out = f.roiHeads.forward(f.features(), f.perImage("proposals_"), f.ref.imageSizes(), null);
            for (int i = 0; i < out.candidates().size(); i++) {
                RawCandidates raw = out.candidates().get(i).toRaw();
                for (float s : raw.scores()) {
                    assertTrue(s >= f.config.rawCandidateMinScore(), "candidate below the raw minimum score: " + s);
                }
                assertTrue(raw.size() <= f.config.rawCandidateLimit() || allAboveThreshold(raw, f.config));
                long[] labels = new long[raw.labels().length];
                for (int k = 0; k < labels.length; k++) {
                    labels[k] = raw.labels()[k];
                }
                RoiHeads.Candidates fromArrays = new RoiHeads.Candidates(
                        Tensor.create(raw.boxes(), raw.size(), 4), Tensor.create(raw.scores(), raw.size()),
                        Tensor.create(labels, raw.size()));
                Detections d = f.roiHeads.selectDetections(fromArrays);
                assertSameDetections(f.ref.get("detections_boxes_" + i), f.ref.get("detections_scores_" + i),
                        f.ref.get("detections_labels_" + i), d, 1e-2, 1e-4, model + " detections from candidates " + i);
            }
        }
    }

    private static boolean allAboveThreshold(RawCandidates raw, FasterRcnnConfig config) {
        for (float s : raw.scores()) {
            if (s <= config.boxScoreThresh()) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest
    @ValueSource(strings = {"r50", "r18"})
    void classifierAndBoxLossesMatchTorchvisionWhenTheSamplerKeepsEveryProposal(String model) throws Exception {
        int keepAll = ParityFixtures.load(model).meta().get("keep_all").getAsInt();
        HeadsFixture f = new HeadsFixture(model, HeadsFixture.smallImages().withSampling(keepAll, 0.5, keepAll, 0.25));
        f.roiHeads.train(true);
        try (PointerScope ignored = new PointerScope()) {
            RoiHeads.Output out = f.roiHeads.forward(f.features(), f.perImage("proposals_"), f.ref.imageSizes(),
                    f.targets());
            assertEquals(List.of("loss_classifier", "loss_box_reg"), new ArrayList<>(out.losses().keySet()));
            assertClose(f.ref.get("loss_classifier"), out.losses().get("loss_classifier"), 1e-4, model + " loss_classifier");
            assertClose(f.ref.get("loss_box_reg"), out.losses().get("loss_box_reg"), 1e-4, model + " loss_box_reg");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"r50", "r18"})
    void headKeysAreTorchvisionsStateDictKeys(String model) throws Exception {
        HeadsFixture f = new HeadsFixture(model, HeadsFixture.smallImages());
        List<String> expected = f.state.tensors().keySet().stream()
                .filter(k -> k.startsWith("rpn.") || k.startsWith("roi_heads.")).sorted().toList();
        List<String> actual = new ArrayList<>(StateDicts.keys(f.rpn, "rpn."));
        actual.addAll(StateDicts.keys(f.roiHeads, "roi_heads."));
        assertEquals(expected, actual.stream().sorted().toList());
    }
}
