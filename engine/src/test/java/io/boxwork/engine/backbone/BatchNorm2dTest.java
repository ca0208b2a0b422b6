package io.boxwork.engine.backbone;

import io.boxwork.annotations.model.AnchorSettings;
import io.boxwork.engine.inference.DetectorSpec;
import io.boxwork.engine.inference.FasterRcnnDetector;
import io.boxwork.engine.tensor.NamedTensors;
import io.boxwork.engine.tensor.Tensors;
import io.boxwork.engine.train.StartingPoint;
import io.boxwork.engine.weights.StateDict;
import io.boxwork.engine.weights.WeightLoader;
import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.BatchNormOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchNorm2dTest {

    @Test
    void matchesLibTorchsBatchNormInTrainingAndEvaluation() {
        torch.manual_seed(3);
        BatchNorm2d ours = new BatchNorm2d(4);
        BatchNorm2dImpl reference = new BatchNorm2dImpl(new BatchNormOptions(4));
        Tensor a = torch.randn(2, 4, 5, 6).mul(new org.bytedeco.pytorch.Scalar(3.0)).add(new org.bytedeco.pytorch.Scalar(1.5));
        Tensor b = torch.randn(2, 4, 5, 6);
        for (Tensor x : List.of(a, b)) {
            assertArrayEquals(Tensors.toFloats(reference.forward(x)), Tensors.toFloats(ours.forward(x)), 1e-5f, "training output");
        }
        Map<String, Tensor> buffers = NamedTensors.buffers(ours);
        assertArrayEquals(Tensors.toFloats(reference.running_mean()), Tensors.toFloats(buffers.get("running_mean")), 1e-6f);
        assertArrayEquals(Tensors.toFloats(reference.running_var()), Tensors.toFloats(buffers.get("running_var")), 1e-6f);
        assertEquals(2, buffers.get("num_batches_tracked").item_long(), "num_batches_tracked counts training batches");

        ours.train(false);
        reference.train(false);
        assertArrayEquals(Tensors.toFloats(reference.forward(a)), Tensors.toFloats(ours.forward(a)), 1e-5f, "evaluation output");
        assertEquals(2, buffers.get("num_batches_tracked").item_long(), "evaluation leaves the statistics alone");
    }

    @Test
    void fromScratchEveryStageTrainsWithBatchNormAndTheCheckpointLoadsIntoTheInferenceModel() {
        DetectorSpec spec = new DetectorSpec("resnet18_fpn", 3, List.of("a", "b"), AnchorSettings.torchvisionDefaults(), Double.NaN);
        FasterRcnnDetector scratch = spec.buildForTraining(new StartingPoint.Scratch());
        Map<String, Tensor> params = NamedTensors.parameters(scratch.module());
        assertTrue(params.get("backbone.body.conv1.weight").requires_grad(), "torchvision trains all five stages from scratch");
        assertTrue(params.get("backbone.body.layer1.0.bn1.weight").requires_grad(), "batch norm's affine terms train");
        StateDict trained = StateDict.of(scratch.module());
        assertTrue(trained.contains("backbone.body.layer2.0.downsample.1.num_batches_tracked"));

        FasterRcnnDetector fineTune = spec.buildForTraining(new StartingPoint.CocoDetector("x.pth"));
        assertFalse(NamedTensors.parameters(fineTune.module()).containsKey("backbone.body.bn1.weight"),
            "from trained weights batch norm is frozen: its terms are buffers");
        assertFalse(NamedTensors.parameters(fineTune.module()).get("backbone.body.layer1.0.conv1.weight").requires_grad(),
            "and only the spec's trainable layers train");

        FasterRcnnDetector inference = spec.build();
        WeightLoader.loadStrict(inference.module(), trained);
        assertArrayEquals(Tensors.toFloats(trained.get("backbone.body.bn1.running_var").orElseThrow()),
            Tensors.toFloats(StateDict.of(inference.module()).get("backbone.body.bn1.running_var").orElseThrow()));
    }
}
