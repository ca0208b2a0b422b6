package io.boxwork.engine.train;

import io.boxwork.annotations.metrics.Detection;
import io.boxwork.annotations.metrics.GroundTruth;
import io.boxwork.engine.data.DetectionSample;
import io.boxwork.engine.data.SampleSource;
import io.boxwork.engine.data.SampleTensors;
import io.boxwork.engine.detection.Target;
import io.boxwork.engine.inference.DetectorModel;
import io.boxwork.engine.tensor.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.bytedeco.pytorch.global.torch.manual_seed;

/**
 * One pass over the val split: detections scored with COCO and VOC metrics, and the mean
 * training loss (computed without gradients, with the heads in train mode as torchvision's heads
 * only give losses there, and the backbone in eval mode so that batch norm keeps its statistics).
 */
public final class Validation {
    private Validation() {
    }

    public record Result(EvaluationMetrics metrics, DetectionScores scores) {
    }

    public static Result run(DetectorModel model, SampleSource val, List<String> classNames, int batchSize, long seed)
            throws IOException {
        List<GroundTruth> truth = new ArrayList<>();
        List<Detection> detections = new ArrayList<>();
        double lossSum = 0;
        int lossBatches = 0;
        boolean wasTraining = model.module().is_training();
        try {
            for (int start = 0; start < val.size(); start += batchSize) {
                int end = Math.min(val.size(), start + batchSize);
                List<DetectionSample> batch = new ArrayList<>();
                for (int i = start; i < end; i++) batch.add(val.load(i, null));
                try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                    List<Tensor> images = new ArrayList<>();
                    List<Target> targets = new ArrayList<>();
                    Device device = model.device();
                    for (DetectionSample s : batch) {
                        SampleTensors t = SampleTensors.of(s).to(device);
                        images.add(t.image());
                        targets.add(new Target(t.boxes(), t.labels()));
                    }
                    model.module().train(false);
                    List<DetectorModel.ImageResult> out = model.detect(images);
                    for (int k = 0; k < batch.size(); k++) {
                        int imageId = start + k;
                        DetectionSample s = batch.get(k);
                        for (int b = 0; b < s.labels().length; b++) {
                            truth.add(GroundTruth.of(imageId, (int) s.labels()[b], s.boxes()[4 * b], s.boxes()[4 * b + 1],
                                s.boxes()[4 * b + 2], s.boxes()[4 * b + 3]));
                        }
                        float[] boxes = Tensors.toFloats(out.get(k).detections().boxes());
                        float[] scores = Tensors.toFloats(out.get(k).detections().scores());
                        long[] labels = Tensors.toLongs(out.get(k).detections().labels());
                        for (int d = 0; d < scores.length; d++) {
                            detections.add(new Detection(imageId, (int) labels[d], boxes[4 * d], boxes[4 * d + 1],
                                boxes[4 * d + 2], boxes[4 * d + 3], scores[d]));
                        }
                    }
                    model.heldOutLossMode();
                    manual_seed(seed + start);
                    Map<String, Tensor> losses = model.losses(images, targets, new SplittableRandom(seed + start));
                    double total = 0;
                    for (Tensor l : losses.values()) total += l.item_double();
                    lossSum += total;
                    lossBatches++;
                }
            }
        } finally {
            model.module().train(wasTraining);
        }
        DetectionScores scores = DetectionScores.compute(truth, detections, label -> classNames.get(label - 1));
        double valLoss = lossBatches == 0 ? Double.NaN : lossSum / lossBatches;
        EvaluationMetrics m = new EvaluationMetrics(scores.vocMap50(), scores.coco().ap(), scores.perClassAp50(), valLoss, val.size());
        return new Result(m, scores);
    }
}
