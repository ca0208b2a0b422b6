package io.boxwork.engine.train;

import io.boxwork.engine.device.Devices;
import io.boxwork.engine.inference.DetectorSpec;
import io.boxwork.engine.inference.FasterRcnnDetector;
import io.boxwork.engine.inference.ImagePrediction;
import io.boxwork.engine.inference.Predictor;
import io.boxwork.engine.tensor.NamedTensors;
import io.boxwork.engine.tensor.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.bytedeco.pytorch.global.torch.manual_seed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One call moves a detector, and nothing it computes with is left behind. {@code Module.to}
 * replaces each registered tensor's data in place ({@code set_data}), so a handle a module keeps on
 * its own tensor follows only if it is the registered tensor itself. There is no GPU here and
 * {@code set_data} refuses non-dense devices such as "meta", so the move watched is a change of
 * dtype: the same {@code Module.to} path a CUDA move takes, with a visible outcome.
 */
class MovingTheDetectorTest {
    /** Made once on the CPU and moved at each use; see AnchorGenerator.gridAnchors. */
    private static final String CPU_ON_PURPOSE = ".anchorGenerator.cellAnchors[";

    @Test
    void movingAFineTuningDetectorTakesEveryParameterBufferAndOwnHandleAlong() {
        assertEverythingMoves(tiny().build(), "FrozenBatchNorm2d");
    }

    @Test
    void movingAFromScratchDetectorTakesBatchNormsOwnHandlesAlong() {
        assertEverythingMoves(tiny().buildForTraining(new StartingPoint.Scratch()), "BatchNorm2d");
    }

    private static void assertEverythingMoves(FasterRcnnDetector detector, String norm) {
        Map<String, Tensor> own = OwnTensorHandles.of(detector);
        long normHandles = own.keySet().stream().filter(k -> k.contains(".bn")).count();
        // ResNet-18: the stem's, two per block and three downsamples' = 20 norms of 4 or 5 tensors each.
        assertTrue(normHandles >= 4 * 20, norm + " keeps its own tensor handles; found only " + normHandles + " in " + own.keySet());

        // LibTorch's C++ Module.to casts every tensor (BatchNorm's int64 step counter too, unlike Python's).
        detector.module().to(torch.ScalarType.Double, false);

        NamedTensors.state(detector.module()).forEach((name, t) -> assertEquals(torch.ScalarType.Double, t.scalar_type().intern(), name));
        int checked = 0;
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            if (e.getKey().contains(CPU_ON_PURPOSE)) continue;
            assertEquals(torch.ScalarType.Double, e.getValue().scalar_type().intern(),
                e.getKey() + " is a handle that did not follow the move");
            checked++;
        }
        assertTrue(checked >= normHandles, "own handles checked: " + checked);

        detector.to(Devices.cpu());
        assertTrue(detector.device().is_cpu(), "the detector reports the device it was moved to");
        NamedTensors.state(detector.module()).forEach((name, t) -> assertTrue(t.device().is_cpu(), name));
    }


    @Test
    void aDetectorMovedToTheCpuTrainsValidatesAndPredictsTheSameNumbers(@TempDir Path dir) throws Exception {
        FasterRcnnDetector unmoved = FasterRcnnTrainingTest.tinyDetector();
        FasterRcnnDetector moved = FasterRcnnTrainingTest.tinyDetector();
        moved.to(Devices.cpu());
        assertTrue(moved.device().is_cpu());

        List<TrainingEvent> a = train(unmoved, dir.resolve("a"));
        List<TrainingEvent> b = train(moved, dir.resolve("b"));

        assertEquals(a, b, "every loss, rate and val score of the run");
        try (PointerScope scope = new PointerScope()) {
            Map<String, Tensor> left = NamedTensors.state(unmoved.module());
            Map<String, Tensor> right = NamedTensors.state(moved.module());
            left.forEach((name, t) -> assertEquals(0.0, Tensors.maxAbsDifference(t, right.get(name)), name + " after training"));
        }
        List<Path> images = List.of(png(dir.resolve("one.png"), 3), png(dir.resolve("two.png"), 4));
        List<ImagePrediction> pa = new Predictor(unmoved, 2).predictFiles(images);
        List<ImagePrediction> pb = new Predictor(moved, 2).predictFiles(images);
        for (int i = 0; i < images.size(); i++) {
            assertEquals(pa.get(i).detections(), pb.get(i).detections(), "detections of image " + i);
            assertEquals(List.of(pa.get(i).candidates().boxes().length, pa.get(i).candidates().scores().length),
                List.of(pb.get(i).candidates().boxes().length, pb.get(i).candidates().scores().length));
        }
    }

    private static DetectorSpec tiny() {
        manual_seed(5);
        return new DetectorSpec("resnet18_fpn", 1, List.of("red", "green"), FasterRcnnTrainingTest.SMALL, Double.NaN,
            DetectorSpec.ProposalBudget.small());
    }

    /** Timings aside (they differ run to run), everything a two-step run with an evaluation reports. */
    private static List<TrainingEvent> train(FasterRcnnDetector model, Path dir) throws Exception {
        Trainer trainer = Trainer.start(model, FasterRcnnTrainingTest.tinyConfig(1), new GeneratedSamples(4, 128, 3),
            new GeneratedSamples(2, 128, 4), RunFolder.create(dir, Clock.systemUTC()));
        List<TrainingEvent> events = new ArrayList<>();
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Iteration it) {
                events.add(new TrainingEvent.Iteration(it.epoch(), it.iteration(), it.totalIterations(), it.lossParts(), it.total(),
                    it.lr(), 0, java.time.Duration.ZERO));
            } else if (e instanceof TrainingEvent.Evaluation) {
                events.add(e);
            }
        });
        trainer.run();
        assertEquals(3, events.size(), "two steps and one evaluation");
        return events;
    }

    private static Path png(Path file, long seed) throws Exception {
        var sample = new GeneratedSamples(1, 128, seed).load(0, null);
        int size = 128;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        float[] chw = sample.image().chw();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int r = Math.round(chw[y * size + x] * 255), g = Math.round(chw[size * size + y * size + x] * 255),
                    b = Math.round(chw[2 * size * size + y * size + x] * 255);
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        ImageIO.write(img, "png", file.toFile());
        return file;
    }
}
