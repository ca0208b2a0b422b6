package io.boxwork.app.train;

import io.boxwork.engine.backbone.BackboneWithFpn;
import io.boxwork.engine.backbone.Backbones;
import io.boxwork.engine.detection.Detections;
import io.boxwork.engine.detection.RawCandidates;
import io.boxwork.engine.detection.Target;
import io.boxwork.engine.inference.DetectorModel;
import io.boxwork.engine.tensor.Tensors;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import static org.bytedeco.pytorch.global.torch.adaptive_avg_pool2d;
import static org.bytedeco.pytorch.global.torch.cross_entropy_loss;
import static org.bytedeco.pytorch.global.torch.mse_loss;
import static org.bytedeco.pytorch.global.torch.softmax;

/**
 * A real ResNet-18-FPN (the engine's backbone, the state-dict names torchvision uses) under a
 * small head that, per FPN level, scores each class and regresses one box: a detector small
 * enough for a UI test to train for a few steps on two cores, real enough that its loss is a
 * LibTorch graph with gradients, its checkpoints round-trip and its raw candidates are per class
 * and per level. Stands in for the Faster R-CNN heads, which are not in this branch.
 */
final class FpnProbeDetector extends Module implements DetectorModel {
    private final BackboneWithFpn backbone;
    private final LinearImpl head;
    private final List<String> classNames;

    FpnProbeDetector(List<String> classNames, int trainableLayers) {
        this.classNames = List.copyOf(classNames);
        backbone = register_module("backbone", Backbones.resnetFpn(18, trainableLayers));
        head = register_module("head", new LinearImpl(BackboneWithFpn.FPN_CHANNELS, classNames.size() + 1 + 4));
    }

    @Override
    public Module module() {
        return this;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    /** One row of class logits + box per FPN level. */
    private List<Tensor> forward(Tensor image) {
        List<Tensor> rows = new ArrayList<>();
        for (Tensor level : backbone.features(image.unsqueeze(0)).values()) {
            rows.add(head.forward(adaptive_avg_pool2d(level, 1, 1).flatten(1, -1)));
        }
        return rows;
    }

    @Override
    public Map<String, Tensor> losses(List<Tensor> images, List<Target> targets, RandomGenerator random) {
        int k = classNames.size() + 1;
        Tensor cls = null;
        Tensor reg = null;
        for (int i = 0; i < images.size(); i++) {
            long h = images.get(i).size(1);
            long w = images.get(i).size(2);
            Target t = targets.get(i);
            boolean any = t.labels().numel() > 0;
            Tensor label = any ? t.labels().narrow(0, 0, 1) : Tensor.create(new long[] {0}, 1);
            Tensor scale = Tensor.create(new float[] {w, h, w, h}, 1, 4);
            for (Tensor out : forward(images.get(i))) {
                Tensor c = cross_entropy_loss(out.narrow(1, 0, k), label);
                cls = cls == null ? c : cls.add(c);
                if (any) {
                    Tensor r = mse_loss(out.narrow(1, k, 4), t.boxes().narrow(0, 0, 1).div(scale));
                    reg = reg == null ? r : reg.add(r);
                }
            }
        }
        Map<String, Tensor> losses = new LinkedHashMap<>();
        losses.put("loss_classifier", cls.div(new Scalar((double) images.size())));
        losses.put("loss_box_reg", reg == null ? cls.mul(new Scalar(0.0)) : reg);
        return losses;
    }

    @Override
    public List<ImageResult> detect(List<Tensor> images) {
        int k = classNames.size() + 1;
        List<ImageResult> results = new ArrayList<>();
        for (Tensor image : images) {
            long h = image.size(1);
            long w = image.size(2);
            List<Tensor> rows = forward(image);
            int n = rows.size() * (k - 1);
            float[] boxes = new float[4 * n];
            float[] scores = new float[n];
            int[] labels = new int[n];
            int j = 0;
            for (Tensor out : rows) {
                float[] probs = Tensors.toFloats(softmax(out.narrow(1, 0, k), 1));
                float[] b = Tensors.toFloats(out.narrow(1, k, 4));
                float x1 = clamp(Math.min(b[0], b[2]) * w, w), x2 = clamp(Math.max(b[0], b[2]) * w, w);
                float y1 = clamp(Math.min(b[1], b[3]) * h, h), y2 = clamp(Math.max(b[1], b[3]) * h, h);
                for (int c = 1; c < k; c++, j++) {
                    boxes[4 * j] = x1;
                    boxes[4 * j + 1] = y1;
                    boxes[4 * j + 2] = x2;
                    boxes[4 * j + 3] = y2;
                    scores[j] = probs[c];
                    labels[j] = c;
                }
            }
            int best = 0;
            for (int i = 1; i < n; i++) if (scores[i] > scores[best]) best = i;
            Detections d = new Detections(
                Tensor.create(new float[] {boxes[4 * best], boxes[4 * best + 1], boxes[4 * best + 2], boxes[4 * best + 3]}, 1, 4),
                Tensor.create(new float[] {scores[best]}, 1), Tensor.create(new long[] {labels[best]}, 1));
            results.add(new ImageResult(d, new RawCandidates(boxes, scores, labels)));
        }
        return results;
    }

    private static float clamp(float v, long max) {
        return Math.max(0, Math.min(max, v));
    }
}
