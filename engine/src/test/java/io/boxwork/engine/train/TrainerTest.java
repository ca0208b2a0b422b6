package io.boxwork.engine.train;

import org.bytedeco.pytorch.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.bytedeco.pytorch.global.torch.manual_seed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {
    private static final List<String> CLASSES = List.of("red", "green");

    private static TrainConfig config(int epochs) {
        return new TrainConfig("tiny", 5, new StartingPoint.Scratch(), epochs, 2, 0.05, 0.9, 1e-4,
            new Warmup(2, 0.1), new LrSchedule.Cosine(0.1), 10.0, null, 0, 1, 7L, "cpu", true, null);
    }

    private static TinyDetector freshModel() {
        manual_seed(1234);
        return new TinyDetector(CLASSES);
    }

    private static List<TrainingEvent.Iteration> iterations(List<TrainingEvent> events) {
        List<TrainingEvent.Iteration> out = new ArrayList<>();
        for (TrainingEvent e : events) if (e instanceof TrainingEvent.Iteration it) out.add(it);
        return out;
    }

    @Test
    void trainingOnAFewGeneratedImagesLowersTheLossAndFillsTheRunFolder(@TempDir Path dir) throws Exception {
        RunFolder run = RunFolder.create(dir.resolve("runs"), Clock.systemUTC());
        Trainer trainer = Trainer.start(freshModel(), config(8), new GeneratedSamples(8, 32, 1), new GeneratedSamples(4, 32, 2), run);
        List<TrainingEvent> events = new ArrayList<>();
        trainer.addListener(events::add);

        TrainingEvent end = trainer.run();

        TrainingEvent.Finished finished = assertInstanceOf(TrainingEvent.Finished.class, end);
        assertEquals(TrainingEvent.FinishReason.COMPLETED, finished.reason());
        List<TrainingEvent.Iteration> its = iterations(events);
        assertEquals(32, its.size());
        double firstEpoch = its.subList(0, 4).stream().mapToDouble(TrainingEvent.Iteration::total).average().orElseThrow();
        double lastEpoch = its.subList(28, 32).stream().mapToDouble(TrainingEvent.Iteration::total).average().orElseThrow();
        assertTrue(lastEpoch < 0.7 * firstEpoch, "loss should fall: first epoch " + firstEpoch + ", last " + lastEpoch);
        assertEquals(8, events.stream().filter(e -> e instanceof TrainingEvent.Evaluation).count());
        assertTrue(Files.size(run.last()) > 0);
        assertTrue(Files.size(run.best()) > 0);
        assertEquals(config(8), run.readConfig());
        List<TrainingEvent> logged = MetricsLog.read(run.metrics());
        assertEquals(events.size(), logged.size());
        assertInstanceOf(TrainingEvent.Finished.class, logged.get(logged.size() - 1));
        BufferedImage curves = ImageIO.read(run.curves().toFile());
        assertNotNull(curves);
        assertEquals(1380, curves.getWidth());
    }

    @Test
    void aStoppedRunResumesWithTheSameNextLossAsAnUninterruptedOne(@TempDir Path dir) throws Exception {
        TrainConfig cfg = config(2);
        Trainer straight = Trainer.start(freshModel(), cfg, new GeneratedSamples(8, 32, 1), new GeneratedSamples(2, 32, 2),
            RunFolder.create(dir.resolve("a"), Clock.systemUTC()));
        List<TrainingEvent> straightEvents = new ArrayList<>();
        straight.addListener(straightEvents::add);
        straight.run();

        Trainer first = Trainer.start(freshModel(), cfg, new GeneratedSamples(8, 32, 1), new GeneratedSamples(2, 32, 2),
            RunFolder.create(dir.resolve("b"), Clock.systemUTC()));
        first.addListener(e -> {
            if (e instanceof TrainingEvent.Iteration it && it.iteration() == 5) first.requestStop();
        });
        TrainingEvent stopped = first.run();
        assertEquals(TrainingEvent.FinishReason.STOPPED, ((TrainingEvent.Finished) stopped).reason());
        assertEquals(6, first.progress().nextIteration());

        manual_seed(999);
        Trainer resumed = Trainer.resume(new TinyDetector(CLASSES), first.runFolder(), new GeneratedSamples(8, 32, 1),
            new GeneratedSamples(2, 32, 2), null);
        List<TrainingEvent> resumedEvents = new ArrayList<>();
        resumed.addListener(resumedEvents::add);
        resumed.run();

        List<TrainingEvent.Iteration> a = iterations(straightEvents);
        List<TrainingEvent.Iteration> b = iterations(resumedEvents);
        assertEquals(6, b.get(0).iteration());
        assertEquals(a.size() - 6, b.size());
        for (int i = 0; i < b.size(); i++) {
            assertEquals(a.get(6 + i).total(), b.get(i).total(), 1e-4, "loss at iteration " + (6 + i));
            assertEquals(a.get(6 + i).lr(), b.get(i).lr(), 1e-12);
        }
        List<TrainingEvent> log = MetricsLog.read(first.runFolder().metrics());
        assertEquals(a.size(), iterations(log).size(), "one log holds both halves of the run");
    }

    @Test
    void aNanLossFailsTheRunAndLeavesTheLastGoodCheckpointUntouched(@TempDir Path dir) throws Exception {
        RunFolder run = RunFolder.create(dir, Clock.systemUTC());
        Trainer trainer = Trainer.start(freshModel(), config(3), new GeneratedSamples(8, 32, 1), new GeneratedSamples(0, 32, 2), run);
        List<TrainingEvent> events = new ArrayList<>();
        byte[][] lastAfterEpoch1 = new byte[1][];
        trainer.addListener(e -> {
            events.add(e);
            if (e instanceof TrainingEvent.Checkpoint cp && cp.kind() == TrainingEvent.CheckpointKind.LAST) {
                lastAfterEpoch1[0] = sha256(cp.path());
            }
        });
        trainer.setLossHook((iteration, total) -> iteration == 6 ? total.mul(new Scalar(Double.NaN)) : total);

        TrainingEvent end = trainer.run();

        TrainingEvent.Failed failed = assertInstanceOf(TrainingEvent.Failed.class, end);
        assertEquals(6, failed.iteration());
        assertTrue(failed.reason().contains("NaN"), failed.reason());
        assertArrayEquals(lastAfterEpoch1[0], sha256(run.last()));
        assertEquals(4, CheckpointFile.read(run.last()).progress().nextIteration());
        assertFalse(Files.exists(run.best()), "no val split, so no best checkpoint");
        assertInstanceOf(TrainingEvent.Failed.class, MetricsLog.read(run.metrics()).get(MetricsLog.read(run.metrics()).size() - 1));
    }

    private static byte[] sha256(Path p) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
        } catch (Exception e) {
            throw new AssertionError("cannot hash " + p + ": " + HexFormat.of().toString(), e);
        }
    }
}
