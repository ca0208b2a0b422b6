package io.boxwork.engine.bench;

import io.boxwork.engine.backbone.BackboneWithFpn;
import io.boxwork.engine.backbone.Backbones;
import io.boxwork.engine.detection.Detections;
import io.boxwork.engine.detection.FasterRcnn;
import io.boxwork.engine.detection.FasterRcnnConfig;
import io.boxwork.engine.detection.ImageList;
import io.boxwork.engine.detection.RegionProposalNetwork;
import io.boxwork.engine.weights.KeyFilter;
import io.boxwork.engine.weights.LoadMode;
import io.boxwork.engine.weights.WeightLoader;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.SGD;
import org.bytedeco.pytorch.SGDOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A random-init Faster R-CNN ResNet-FPN as {@code bench_torchvision.py} builds it (three trainable
 * ResNet stages, images resized to {@code size} on both sides) with the two operations the
 * benchmarks time. Each call runs in its own {@code PointerScope}, as the product must, so that
 * the timings include what that costs and the memory benchmark shows what it saves.
 *
 * <p>A detector is built for one purpose and its mode is set once, right after construction:
 * {@code RpnHead} registers two plain {@code new Module()} containers that no Java field keeps, so
 * once the garbage collector has run, {@code Module.eval()} / {@code train(true)} on the model fail
 * with a {@code NullPointerException} from the native call back into the collected Java object.
 */
public final class BenchDetector implements AutoCloseable {

    /** What the detector is built for; it stays in that mode. */
    public enum Purpose {
        INFERENCE, TRAINING
    }

    /** torchvision's {@code resnet_fpn_backbone} default, used by the reference script too. */
    static final int TRAINABLE_LAYERS = 3;

    private final Purpose purpose;
    private final FasterRcnn model;
    private final SGD optimizer;
    private final Random trainingScale = new Random(0);

    public BenchDetector(int depth, int size, int numClasses, Purpose purpose) {
        this(depth, size, numClasses, purpose, null);
    }

    /**
     * @param weights a state dict to start from, or null for LibTorch's random init. The speed
     *                comparison passes the one torchvision's script wrote: a random-init model's
     *                RPN keeps a different number of proposals on each side, and the RoI heads'
     *                cost follows that number.
     */
    public BenchDetector(int depth, int size, int numClasses, Purpose purpose, Path weights) {
        this.purpose = purpose;
        // The model and the optimizer live outside every scope: a scope would free their handles.
        this.model = new FasterRcnn(Backbones.resnetFpn(depth, TRAINABLE_LAYERS),
                FasterRcnnConfig.defaults(numClasses).withImageSize(size, size));
        if (weights != null) {
            try {
                WeightLoader.loadFile(model, weights, LoadMode.STRICT, KeyFilter.everything());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the benchmark's weights " + weights, e);
            }
        }
        if (purpose == Purpose.INFERENCE) {
            model.eval();
            this.optimizer = null;
        } else {
            // a new module is in training mode already: no mode switch needed
            SGDOptions options = new SGDOptions(0.001);
            options.momentum().put(0.9);
            options.weight_decay().put(1e-4);
            this.optimizer = new SGD(trainableParameters(model), options);
        }
    }

    private static TensorVector trainableParameters(FasterRcnn model) {
        List<Tensor> trainable = new ArrayList<>();
        TensorVector all = model.parameters();
        for (long i = 0; i < all.size(); i++) {
            if (all.get(i).requires_grad()) {
                trainable.add(all.get(i));
            }
        }
        return new TensorVector(trainable.toArray(new Tensor[0]));
    }

    /** One inference call (eval mode, no autograd); returns how many detections it gave, so the work cannot be skipped. */
    public long infer(List<Tensor> images) {
        require(Purpose.INFERENCE);
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            long detections = 0;
            for (Detections d : model.detect(images)) {
                detections += d.scores().size(0);
            }
            return detections;
        }
    }

    /**
     * One inference call timed stage by stage, in the order {@code bench_torchvision.py --stages}
     * times torchvision's: transform, ResNet body, FPN, RPN, RoI heads (with post-processing); also
     * the number of proposals the RoI heads received, which their time follows.
     */
    public Map<String, Double> inferStages(List<Tensor> images) {
        require(Purpose.INFERENCE);
        BackboneWithFpn backbone = (BackboneWithFpn) model.backbone();
        Map<String, Double> millis = new LinkedHashMap<>();
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            long t0 = System.nanoTime();
            ImageList batch = model.transform().apply(images, List.of()).images();
            long t1 = System.nanoTime();
            List<Tensor> stages = backbone.body().forward(batch.tensors());
            long t2 = System.nanoTime();
            List<Tensor> levels = backbone.fpn().forward(stages);
            long t3 = System.nanoTime();
            LinkedHashMap<String, Tensor> features = BackboneWithFpn.named(levels);
            RegionProposalNetwork.Output proposals = model.rpn().forward(batch, features, null);
            long t4 = System.nanoTime();
            long kept = 0;
            for (Tensor b : proposals.boxes()) kept += b.size(0);
            model.roiHeads().forward(features, proposals.boxes(), batch.imageSizes(), null);
            long t5 = System.nanoTime();
            millis.put("transform", (t1 - t0) / 1e6);
            millis.put("body", (t2 - t1) / 1e6);
            millis.put("fpn", (t3 - t2) / 1e6);
            millis.put("rpn", (t4 - t3) / 1e6);
            millis.put("roi_heads", (t5 - t4) / 1e6);
            millis.put("proposals", (double) kept);
        }
        return millis;
    }

    /** One SGD step on the summed losses; returns the loss before the step. */
    public double trainStep(SyntheticBatch batch) {
        require(Purpose.TRAINING);
        try (PointerScope scope = new PointerScope()) {
            Map<String, Tensor> losses = model.losses(batch.images(), batch.targets(), trainingScale);
            Tensor total = null;
            for (Tensor part : losses.values()) {
                total = total == null ? part : total.add(part);
            }
            optimizer.zero_grad();
            total.backward();
            optimizer.step();
            return total.item_float();
        }
    }

    private void require(Purpose needed) {
        if (purpose != needed) {
            throw new IllegalStateException("This detector was built for " + purpose + ", not " + needed);
        }
    }

    /** Frees the model's and the optimizer's native memory now rather than when the collector finds them. */
    @Override
    public void close() {
        if (optimizer != null) {
            optimizer.close();
        }
        model.close();
    }
}
