package io.boxwork.engine.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingEventsTest {
    private static List<TrainingEvent> sampleRun(Path dir) {
        List<TrainingEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(new TrainingEvent.Iteration(i / 10, i, 20, Map.of("loss_classifier", 1.0 / (i + 1), "loss_box_reg", 0.5 / (i + 1)),
                1.5 / (i + 1), 0.01, 3.5, Duration.ofSeconds(20 - i)));
        }
        events.add(new TrainingEvent.Evaluation(0, new EvaluationMetrics(0.4, 0.2, Map.of("cat", 0.4), 1.1, 5)));
        events.add(new TrainingEvent.Evaluation(1, new EvaluationMetrics(0.6, 0.3, Map.of("cat", 0.6), Double.NaN, 5)));
        events.add(new TrainingEvent.Checkpoint(dir.resolve("best.pth"), TrainingEvent.CheckpointKind.BEST, 2, 20));
        events.add(new TrainingEvent.Finished(TrainingEvent.FinishReason.COMPLETED, 2, 20, 0.6, dir));
        events.add(new TrainingEvent.Failed("loss became NaN", 2, 20));
        return events;
    }

    @Test
    void everyEventSurvivesItsJsonLineIncludingNaN(@TempDir Path dir) throws Exception {
        List<TrainingEvent> events = sampleRun(dir);
        try (MetricsLog log = new MetricsLog(dir.resolve("metrics.jsonl"))) {
            events.forEach(log::onEvent);
        }
        List<TrainingEvent> back = MetricsLog.read(dir.resolve("metrics.jsonl"));
        assertEquals(events.size(), back.size());
        assertEquals(events.get(20), back.get(20));
        TrainingEvent.Evaluation nan = (TrainingEvent.Evaluation) back.get(21);
        assertTrue(Double.isNaN(nan.metrics().valLoss()));
        assertEquals(events.get(23), back.get(23));
    }

    @Test
    void aTornLastLineIsSkippedButAnyOtherBadLineIsAnErrorWithItsNumber(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("metrics.jsonl");
        try (MetricsLog log = new MetricsLog(f)) {
            sampleRun(dir).subList(0, 3).forEach(log::onEvent);
        }
        Files.writeString(f, Files.readString(f) + "{\"type\":\"iter");
        assertEquals(3, MetricsLog.read(f).size());
        Files.writeString(f, "garbage\n" + Files.readString(f));
        var e = assertThrows(java.io.IOException.class, () -> MetricsLog.read(f));
        assertTrue(e.getMessage().contains("metrics.jsonl:1:"), e.getMessage());
    }

    @Test
    void curvesDrawThreePanelsWithData(@TempDir Path dir) throws Exception {
        BufferedImage img = CurvePlot.render(sampleRun(dir));
        assertEquals(3 * 460, img.getWidth());
        int coloured = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                int r = rgb >> 16, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) coloured++;
            }
        }
        assertTrue(coloured > 100, "series should be drawn in colour, found " + coloured + " coloured samples");
        CurvePlot.write(sampleRun(dir), dir.resolve("curves.png"));
        assertTrue(Files.size(dir.resolve("curves.png")) > 1000);
    }
}
