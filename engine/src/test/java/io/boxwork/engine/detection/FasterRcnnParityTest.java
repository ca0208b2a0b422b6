package io.boxwork.engine.detection;

import io.boxwork.engine.backbone.Backbones;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;

import static io.boxwork.engine.detection.Close.assertClose;
import static io.boxwork.engine.detection.Close.assertSameDetections;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FasterRcnnParityTest {

    private static final String MODEL = "r18";

    private static FasterRcnn loadedModel(FasterRcnnConfig config) throws Exception {
        TensorBundle state = ParityFixtures.load(MODEL + "_state");
        FasterRcnn model = new FasterRcnn(Backbones.resnetFpn(18, 5), config);
        assertEquals(state.tensors().keySet().stream().sorted().toList(),
                StateDicts.keys(model, "").stream().sorted().toList(), "state-dict keys");
        StateDicts.load(model, "", state.tensors());
        return model;
    }

    @Test
    void detectorOutputMatchesTorchvisionInOriginalImagePixels() throws Exception {
        TensorBundle ref = ParityFixtures.load(MODEL);
        FasterRcnn model = loadedModel(HeadsFixture.smallImages());
        model.eval();
        try (PointerScope ignored = new PointerScope()) {
            List<Tensor> images = List.of(ref.get("image_0"), ref.get("image_1"));
            List<FasterRcnn.Prediction> predictions = model.predict(images);
            for (int i = 0; i < images.size(); i++) {
                Detections d = predictions.get(i).detections();
                assertTrue(d.scores().size(0) > 0, "the fixture must give detections to compare");
                assertSameDetections(ref.get("final_boxes_" + i), ref.get("final_scores_" + i),
                        ref.get("final_labels_" + i), d, 1e-2, 1e-4, "detections of image " + i);

                RawCandidates raw = predictions.get(i).candidates();
                assertTrue(raw.size() >= d.scores().size(0), "candidates include every detection");
                float[] first = Tensors.floats(d.boxes().narrow(0, 0, 1));
                assertTrue(containsBox(raw, first), "the best detection is among the raw candidates, in original pixels");
            }
        }
    }

    private static boolean containsBox(RawCandidates raw, float[] box) {
        for (int k = 0; k < raw.size(); k++) {
            boolean same = true;
            for (int c = 0; c < 4; c++) {
                same &= Math.abs(raw.boxes()[4 * k + c] - box[c]) < 1e-4;
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    @Test
    void trainingLossesMatchTorchvisionWhenTheSamplersKeepEverything() throws Exception {
        TensorBundle ref = ParityFixtures.load(MODEL);
        int keepAll = ref.meta().get("keep_all").getAsInt();
        FasterRcnn model = loadedModel(HeadsFixture.smallImages().withSampling(keepAll, 0.5, keepAll, 0.25));
        model.train(true);
        try (PointerScope ignored = new PointerScope()) {
            List<Tensor> images = List.of(ref.get("image_0"), ref.get("image_1"));
            List<Target> targets = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                targets.add(new Target(ref.get("orig_target_boxes_" + i), ref.get("orig_target_labels_" + i)));
            }
            LinkedHashMap<String, Tensor> losses = model.losses(images, targets, new Random(1));
            assertEquals(List.of("loss_classifier", "loss_box_reg", "loss_objectness", "loss_rpn_box_reg"),
                    new ArrayList<>(losses.keySet()));
            for (String name : losses.keySet()) {
                assertClose(ref.get("train_" + name), losses.get(name), 1e-4, name);
            }
        }
    }
}
