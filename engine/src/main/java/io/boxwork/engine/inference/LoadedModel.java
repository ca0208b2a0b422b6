package io.boxwork.engine.inference;

import io.boxwork.annotations.model.AnchorSettings;
import io.boxwork.engine.train.CheckpointFile;
import io.boxwork.engine.weights.KeyFilter;
import io.boxwork.engine.weights.LoadMode;
import io.boxwork.engine.weights.PthReader;
import io.boxwork.engine.weights.WeightLoader;
import io.boxwork.engine.weights.PthValue;
import io.boxwork.engine.weights.StateDict;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained detector from a {@code .pth}: a Boxwork checkpoint carries its backbone, classes and
 * anchors; a bare torchvision state dict needs them from the caller (torchvision's defaults:
 * {@code resnet50_fpn}, 91 COCO outputs).
 */
public final class LoadedModel {
    private LoadedModel() {
    }

    /**
     * What the caller may set; null fields come from the checkpoint, else from torchvision's defaults.
     *
     * @param numClasses torchvision's count, background included
     */
    public record Overrides(String backbone, Integer numClasses, Integer minSize, Integer maxSize, Double scoreThresh,
                            List<String> classNames) {
        public static Overrides none() {
            return new Overrides(null, null, null, null, null, null);
        }
    }

    /** Builds and loads; call outside any PointerScope. */
    public static FasterRcnnDetector load(Path weights, Overrides o) throws IOException {
        PthValue root = PthReader.read(weights);
        String backbone;
        List<String> classes;
        AnchorSettings anchors;
        DetectorSpec.ProposalBudget proposals;
        StateDict sd;
        if (CheckpointFile.isCheckpoint(root)) {
            CheckpointFile.Contents c = CheckpointFile.parse(weights, root);
            backbone = c.config().backbone();
            classes = c.classNames();
            anchors = c.config().anchors();
            // The run's own budget: its validation figures were measured with it.
            proposals = c.config().proposals();
            sd = c.model();
        } else {
            sd = StateDict.from(root).orElseThrow(() -> new IOException(weights + ": holds no state dict of tensors"));
            backbone = "resnet50_fpn";
            int k = sd.get("roi_heads.box_predictor.cls_score.bias").map(t -> (int) t.size(0) - 1)
                .orElseThrow(() -> new IOException(weights + ": not a Faster R-CNN state dict (no roi_heads.box_predictor.cls_score.bias)"));
            classes = new ArrayList<>();
            for (int i = 1; i <= k; i++) classes.add("class " + i);
            anchors = AnchorSettings.torchvisionDefaults();
            proposals = DetectorSpec.ProposalBudget.torchvision();
        }
        if (o.backbone() != null) backbone = o.backbone();
        if (o.classNames() != null) classes = o.classNames();
        if (o.numClasses() != null && o.numClasses() - 1 != classes.size()) {
            if (o.numClasses() < 2) throw new IllegalArgumentException("--num-classes counts the background as torchvision does, so it is at least 2");
            if (o.classNames() != null) throw new IllegalArgumentException("--num-classes " + o.numClasses() + " but " + classes.size() + " class names");
            classes = new ArrayList<>();
            for (int i = 1; i < o.numClasses(); i++) classes.add("class " + i);
        }
        int min = o.minSize() != null ? o.minSize() : anchors.minSize();
        int max = o.maxSize() != null ? o.maxSize() : Math.max(anchors.maxSize(), min);
        anchors = new AnchorSettings(anchors.sizes(), anchors.aspectRatios(), min, max);
        double thresh = o.scoreThresh() != null ? o.scoreThresh() : Double.NaN;
        FasterRcnnDetector model = new DetectorSpec(backbone, 0, classes, anchors, thresh, proposals).build();
        WeightLoader.load(model.module(), sd, LoadMode.STRICT, KeyFilter.everything(), weights.toString());
        return model;
    }
}
