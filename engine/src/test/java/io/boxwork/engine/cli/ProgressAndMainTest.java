package io.boxwork.engine.cli;

import io.boxwork.engine.train.EvaluationMetrics;
import io.boxwork.engine.train.TrainingEvent;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressAndMainTest {
    private static TrainingEvent.Iteration it(long i) {
        return new TrainingEvent.Iteration(0, i, 10, Map.of("loss_classifier", 0.5), 0.75, 0.01, 4.0, Duration.ofSeconds(125));
    }

    @Test
    void withoutATerminalTheProgressIsPlainLinesEveryFewSteps() {
        StringWriter s = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(s), false, 5);
        for (long i = 0; i < 10; i++) bar.onEvent(it(i));
        bar.onEvent(new TrainingEvent.Evaluation(0, new EvaluationMetrics(0.5, 0.25, Map.of("cat", 0.5), 1.0, 3)));
        bar.onEvent(new TrainingEvent.Finished(TrainingEvent.FinishReason.COMPLETED, 1, 10, 0.5, Path.of("runs/x")));
        String[] lines = s.toString().split("\n");
        assertEquals(5, lines.length, s.toString());
        assertTrue(lines[0].startsWith("epoch 1 [##############--------------] 5/10 loss 0.7500"), lines[0]);
        assertTrue(lines[0].endsWith("ETA 2:05"), lines[0]);
        assertTrue(lines[2].contains("mAP@0.5 0.5000"), lines[2]);
        assertTrue(lines[4].startsWith("finished (completed)"), lines[4]);
        assertTrue(!s.toString().contains("\r"));
    }

    @Test
    void onATerminalTheBarRedrawsOneLineAndEndsItBeforeOtherNews() {
        StringWriter s = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(s), true, 5);
        bar.onEvent(it(0));
        bar.onEvent(it(1));
        bar.onEvent(new TrainingEvent.Failed("loss became NaN", 0, 2));
        String text = s.toString();
        assertEquals(2, text.chars().filter(c -> c == '\r').count());
        assertTrue(text.endsWith("\nFAILED: loss became NaN\n"), text);
    }

    @Test
    void theLauncherIsToldWhenTheThreadEnvironmentIsMissing() {
        StringWriter s = new StringWriter();
        Main.warnAboutThreadEnvironment(Map.of(), new PrintWriter(s, true));
        assertTrue(s.toString().contains("OMP_WAIT_POLICY=PASSIVE"));
        assertTrue(s.toString().contains("OPENBLAS_NUM_THREADS=1"));
        StringWriter quiet = new StringWriter();
        Main.warnAboutThreadEnvironment(Map.of("OMP_WAIT_POLICY", "PASSIVE", "OPENBLAS_NUM_THREADS", "1"), new PrintWriter(quiet, true));
        assertEquals("", quiet.toString());
    }

    @Test
    void everyCommandShowsItsOwnHelpWithoutItsRequiredOptions() {
        for (String[] c : new String[][]{{"train", "--epochs"}, {"predict", "--weights"}, {"eval", "--dets"},
                {"import", "--format"}, {"anchors", "--project"}, {"bench", "--device"}}) {
            CliRun run = CliRun.of(c[0], "--help");
            org.junit.jupiter.api.Assertions.assertEquals(0, run.exitCode(), c[0] + " --help: " + run.err());
            org.junit.jupiter.api.Assertions.assertTrue(run.out().contains(c[1]),
                    c[0] + " --help lists " + c[1] + ": " + run.out());
        }
    }
}
