package io.boxwork.engine.train;

import io.boxwork.engine.detection.Detections;
import io.boxwork.engine.detection.RawCandidates;
import io.boxwork.engine.detection.Target;
import io.boxwork.engine.inference.DetectorModel;
import io.boxwork.engine.tensor.Tensors;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Conv2dOptions;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import static org.bytedeco.pytorch.global.torch.adaptive_avg_pool2d;
import static org.bytedeco.pytorch.global.torch.cross_entropy_loss;
import static org.bytedeco.pytorch.global.torch.mse_loss;
import static org.bytedeco.pytorch.global.torch.relu;
import static org.bytedeco.pytorch.global.torch.softmax;

/**
 * A real, very small LibTorch network that finds the first object of an image: class logits and
 * one box. Small enough that trainer tests run in seconds, real enough that its loss falls,
 * its gradients flow and its state round-trips through checkpoints.
 */
final class TinyDetector extends Module implements DetectorModel {
    private final Conv2dImpl conv1;
    private final Conv2dImpl conv2;
    private final LinearImpl head;
    private final List<String> classNames;

    TinyDetector(List<String> classNames) {
        this.classNames = List.copyOf(classNames);
        conv1 = register_module("conv1", new Conv2dImpl(conv(3, 8)));
        conv2 = register_module("conv2", new Conv2dImpl(conv(8, 16)));
        head = register_module("head", new LinearImpl(16, classNames.size() + 1 + 4));
    }

    private static Conv2dOptions conv(long in, long out) {
        Conv2dOptions o = new Conv2dOptions(in, out, new LongPointer(3, 3));
        o.stride().put(new long[]{2, 2});
        o.padding().put(new LongPointer(1, 1));
        return o;
    }

    @Override
    public Module module() {
        return this;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    private Tensor forward(Tensor image) {
        Tensor x = relu(conv1.forward(image.unsqueeze(0)));
        x = relu(conv2.forward(x));
        return head.forward(adaptive_avg_pool2d(x, 1, 1).flatten(1, -1));
    }

    @Override
    public Map<String, Tensor> losses(List<Tensor> images, List<Target> targets, RandomGenerator random) {
        Tensor cls = null;
        Tensor reg = null;
        int k = classNames.size() + 1;
        for (int i = 0; i < images.size(); i++) {
            Tensor out = forward(images.get(i));
            long h = images.get(i).size(1);
            long w = images.get(i).size(2);
            Target t = targets.get(i);
            boolean any = t.labels().numel() > 0;
            Tensor label = any ? t.labels().narrow(0, 0, 1) : Tensor.create(new long[]{0}, 1);
            Tensor c = cross_entropy_loss(out.narrow(1, 0, k), label);
            cls = cls == null ? c : cls.add(c);
            if (any) {
                Tensor scale = Tensor.create(new float[]{w, h, w, h}, 1, 4);
                Tensor r = mse_loss(out.narrow(1, k, 4), t.boxes().narrow(0, 0, 1).div(scale));
                reg = reg == null ? r : reg.add(r);
            }
        }
        Map<String, Tensor> losses = new LinkedHashMap<>();
        losses.put("loss_classifier", cls.div(new org.bytedeco.pytorch.Scalar((double) images.size())));
        losses.put("loss_box_reg", reg == null ? cls.mul(new org.bytedeco.pytorch.Scalar(0.0)) : reg);
        return losses;
    }

    @Override
    public List<ImageResult> detect(List<Tensor> images) {
        List<ImageResult> results = new ArrayList<>();
        int k = classNames.size() + 1;
        for (Tensor image : images) {
            long h = image.size(1);
            long w = image.size(2);
            Tensor out = forward(image);
            float[] probs = Tensors.toFloats(softmax(out.narrow(1, 0, k), 1));
            float[] b = Tensors.toFloats(out.narrow(1, k, 4));
            float x1 = clamp(Math.min(b[0], b[2]) * w, w), x2 = clamp(Math.max(b[0], b[2]) * w, w);
            float y1 = clamp(Math.min(b[1], b[3]) * h, h), y2 = clamp(Math.max(b[1], b[3]) * h, h);
            float[] boxes = new float[4 * (k - 1)];
            float[] scores = new float[k - 1];
            int[] labels = new int[k - 1];
            int best = 1;
            for (int c = 1; c < k; c++) {
                boxes[4 * (c - 1)] = x1;
                boxes[4 * (c - 1) + 1] = y1;
                boxes[4 * (c - 1) + 2] = x2;
                boxes[4 * (c - 1) + 3] = y2;
                scores[c - 1] = probs[c];
                labels[c - 1] = c;
                if (probs[c] > probs[best]) best = c;
            }
            Detections d = new Detections(Tensor.create(new float[]{x1, y1, x2, y2}, 1, 4),
                Tensor.create(new float[]{probs[best]}, 1), Tensor.create(new long[]{best}, 1));
            results.add(new ImageResult(d, new RawCandidates(boxes, scores, labels)));
        }
        return results;
    }

    private static float clamp(float v, long max) {
        return Math.max(0, Math.min(max, v));
    }
}
