package io.boxwork.engine.train;

import io.boxwork.annotations.model.AnchorSettings;
import io.boxwork.engine.inference.DetectorSpec;
import io.boxwork.engine.inference.FasterRcnnDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.pytorch.global.torch.manual_seed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real detector, tiny: ResNet-18-FPN with one trainable stage on 128 px generated images. */
class FasterRcnnTrainingTest {
    static final AnchorSettings SMALL = new AnchorSettings(List.of(List.of(16), List.of(32), List.of(64), List.of(128), List.of(256)),
        List.of(0.5, 1.0, 2.0), 128, 128);

    static FasterRcnnDetector tinyDetector() {
        manual_seed(5);
        return new DetectorSpec("resnet18_fpn", 1, List.of("red", "green"), SMALL, Double.NaN, DetectorSpec.ProposalBudget.small()).build();
    }

    static TrainConfig tinyConfig(int epochs) {
        return new TrainConfig("resnet18_fpn", 1, new StartingPoint.Scratch(), epochs, 2, 0.01, 0.9, 1e-4,
            new Warmup(2, 0.1), new LrSchedule.Constant(), 10.0, SMALL, 0, 1, 11L, "cpu", false, null);
    }

    @Test
    void aTinyResNet18FpnDetectorTrainsAndItsLossFalls(@TempDir Path dir) throws Exception {
        Trainer trainer = Trainer.start(tinyDetector(), tinyConfig(4), new GeneratedSamples(4, 128, 3), new GeneratedSamples(2, 128, 4),
            RunFolder.create(dir, Clock.systemUTC()));
        List<TrainingEvent> events = new ArrayList<>();
        trainer.addListener(events::add);

        TrainingEvent end = trainer.run();

        assertEquals(TrainingEvent.FinishReason.COMPLETED, ((TrainingEvent.Finished) end).reason());
        List<TrainingEvent.Iteration> its = events.stream().filter(e -> e instanceof TrainingEvent.Iteration)
            .map(e -> (TrainingEvent.Iteration) e).toList();
        assertEquals(8, its.size());
        assertEquals(List.of("loss_classifier", "loss_box_reg", "loss_objectness", "loss_rpn_box_reg"),
            List.copyOf(its.get(0).lossParts().keySet()));
        double first = (its.get(0).total() + its.get(1).total()) / 2;
        double last = (its.get(6).total() + its.get(7).total()) / 2;
        assertTrue(last < 0.8 * first, "loss should fall: first epoch " + first + ", last " + last);
        assertTrue(events.stream().anyMatch(e -> e instanceof TrainingEvent.Evaluation));
    }
}
