package io.boxwork.engine.train;

import io.boxwork.engine.detection.Target;
import org.bytedeco.pytorch.Tensor;

import java.util.List;

/** Tensors of one step, made inside the step's scope from plain-array samples. */
final class TrainingBatch {
    private TrainingBatch() {
    }

    static Target target(DetectionSample s) {
        int n = s.labels().length;
        Tensor boxes = n == 0 ? Tensor.create(new float[0], 0, 4) : Tensor.create(s.boxes(), n, 4);
        Tensor labels = Tensor.create(s.labels(), n);
        return new Target(boxes, labels);
    }

    static List<Tensor> images(List<DetectionSample> samples) {
        return samples.stream().map(s -> Tensor.create(s.chw(), 3, s.height(), s.width())).toList();
    }
}
