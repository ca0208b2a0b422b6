package io.boxwork.engine.inference;

import io.boxwork.engine.detection.FasterRcnn;
import io.boxwork.engine.detection.FasterRcnnConfig;
import io.boxwork.engine.detection.Target;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The engine's {@link FasterRcnn} with the names of the classes it detects: what training,
 * prediction and checkpoints handle. The module (and so every state-dict key) is the
 * {@code FasterRcnn} itself, keyed as torchvision keys it.
 */
public final class FasterRcnnDetector implements DetectorModel {
    private final FasterRcnn model;
    private final List<String> classNames;

    public FasterRcnnDetector(FasterRcnn model, List<String> classNames) {
        if (classNames.size() + 1 != model.config().numClasses()) {
            throw new IllegalArgumentException(classNames.size() + " class names for a detector of " + model.config().numClasses()
                + " outputs (background included)");
        }
        this.model = model;
        this.classNames = List.copyOf(classNames);
    }

    public FasterRcnn model() {
        return model;
    }

    public FasterRcnnConfig config() {
        return model.config();
    }

    @Override
    public Module module() {
        return model;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public Map<String, Tensor> losses(List<Tensor> images, List<Target> targets, RandomGenerator random) {
        return model.losses(images, targets, random);
    }

    @Override
    public void heldOutLossMode() {
        model.train(true);
        model.backbone().train(false);
    }

    @Override
    public List<ImageResult> detect(List<Tensor> images) {
        List<ImageResult> out = new ArrayList<>();
        for (FasterRcnn.Prediction p : model.predict(images)) out.add(new ImageResult(p.detections(), p.candidates()));
        return out;
    }
}
