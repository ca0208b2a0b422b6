package io.boxwork.engine.detection;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static io.boxwork.engine.detection.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RegionProposalNetworkParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"r50", "r18"})
    void anchorsMatchTorchvisionExactly(String model) throws Exception {
        HeadsFixture f = new HeadsFixture(model, HeadsFixture.smallImages());
        try (PointerScope ignored = new PointerScope()) {
            List<Tensor> anchors = f.rpn.anchorGenerator().forward(f.images(), new ArrayList<>(f.features().values()));
            for (int i = 0; i < anchors.size(); i++) {
                assertClose(f.ref.get("anchors_" + i), anchors.get(i), 0.0, model + " anchors of image " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"r50", "r18"})
    void proposalsMatchTorchvisionWithinAHundredthOfAPixel(String model) throws Exception {
        HeadsFixture f = new HeadsFixture(model, HeadsFixture.smallImages());
        try (PointerScope ignored = new PointerScope()) {
            RpnHead.Outputs head = f.rpn.head().forward(new ArrayList<>(f.features().values()));
            for (int level = 0; level < head.objectness().size(); level++) {
                assertClose(f.ref.get("rpn_objectness_" + level), head.objectness().get(level), 1e-4,
                        model + " objectness of level " + level);
                assertClose(f.ref.get("rpn_deltas_" + level), head.boxDeltas().get(level), 1e-4,
                        model + " deltas of level " + level);
            }
            RegionProposalNetwork.Output out = f.rpn.forward(f.images(), f.features(), null);
            for (int i = 0; i < out.boxes().size(); i++) {
                Close.assertCloseUpToTieOrder(f.ref.get("proposals_" + i), out.boxes().get(i), out.scores().get(i), 1e-2,
                        model + " proposals of image " + i);
            }
            assertEquals(0, out.losses().size(), "no losses in eval mode");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"r50", "r18"})
    void objectnessAndBoxLossesMatchTorchvisionWhenTheSamplerKeepsEveryAnchor(String model) throws Exception {
        int keepAll = ParityFixtures.load(model).meta().get("keep_all").getAsInt();
        HeadsFixture f = new HeadsFixture(model, HeadsFixture.smallImages().withSampling(keepAll, 0.5, keepAll, 0.25));
        f.rpn.train(true);
        try (PointerScope ignored = new PointerScope()) {
            RegionProposalNetwork.Output out = f.rpn.forward(f.images(), f.features(), f.targets());
            assertEquals(List.of("loss_objectness", "loss_rpn_box_reg"), new ArrayList<>(out.losses().keySet()));
            assertClose(f.ref.get("loss_objectness"), out.losses().get("loss_objectness"), 1e-4, model + " loss_objectness");
            assertClose(f.ref.get("loss_rpn_box_reg"), out.losses().get("loss_rpn_box_reg"), 1e-4, model + " loss_rpn_box_reg");
        }
    }
}
