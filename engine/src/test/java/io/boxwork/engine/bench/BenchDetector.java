package io.boxwork.engine.bench;

import io.boxwork.engine.backbone.Backbones;
import io.boxwork.engine.detection.Detections;
import io.boxwork.engine.detection.FasterRcnn;
import io.boxwork.engine.detection.FasterRcnnConfig;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.SGD;
import org.bytedeco.pytorch.SGDOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;

import java.util.ArrayList;
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
        this.purpose = purpose;
        // The model and the optimizer live outside every scope: a scope would free their handles.
        this.model = new FasterRcnn(Backbones.resnetFpn(depth, TRAINABLE_LAYERS),
                FasterRcnnConfig.defaults(numClasses).withImageSize(size, size));
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
