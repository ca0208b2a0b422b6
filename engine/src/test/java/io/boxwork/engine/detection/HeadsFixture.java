package io.boxwork.engine.detection;

import org.bytedeco.pytorch.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** One torchvision model's reference tensors with the Java RPN and RoI heads loaded from its weights. */
final class HeadsFixture {

    static final int NUM_CLASSES = 4;
    static final long CHANNELS = 256;

    final TensorBundle ref;
    final TensorBundle state;
    final FasterRcnnConfig config;
    final RegionProposalNetwork rpn;
    final RoiHeads roiHeads;

    HeadsFixture(String model, FasterRcnnConfig config) throws Exception {
        this.ref = ParityFixtures.load(model);
        this.state = ParityFixtures.load(model + "_state");
        this.config = config;
        this.rpn = RegionProposalNetwork.of(config, CHANNELS);
        this.roiHeads = RoiHeads.of(config, CHANNELS);
        StateDicts.load(rpn, "rpn.", state.tensors());
        StateDicts.load(roiHeads, "roi_heads.", state.tensors());
        rpn.eval();
        roiHeads.eval();
    }

    static FasterRcnnConfig smallImages() {
        return FasterRcnnConfig.defaults(NUM_CLASSES).withImageSize(160, 200);
    }

    LinkedHashMap<String, Tensor> features() {
        LinkedHashMap<String, Tensor> f = new LinkedHashMap<>();
        for (String name : List.of("0", "1", "2", "3", "pool")) {
            f.put(name, ref.get("feature_" + name));
        }
        return f;
    }

    ImageList images() {
        return new ImageList(ref.get("images_tensor"), ref.imageSizes());
    }

    List<Tensor> perImage(String prefix) {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < ref.imageSizes().size(); i++) {
            out.add(ref.get(prefix + i));
        }
        return out;
    }

    List<Target> targets() {
        List<Target> t = new ArrayList<>();
        for (int i = 0; i < ref.imageSizes().size(); i++) {
            t.add(new Target(ref.get("target_boxes_" + i), ref.get("target_labels_" + i)));
        }
        return t;
    }
}
