package io.boxwork.app.train;

import io.boxwork.engine.train.RunFolder;
import io.boxwork.engine.train.TrainingEvent;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A run found under {@code runs/}, read back from its {@code metrics.jsonl}: enough to draw its
 * curves after a restart and to offer Resume when it stopped before its last epoch.
 *
 * @param problem why the log could not be read ("" when it was)
 */
public record PastRun(RunFolder folder, List<TrainingEvent> events, String problem) {

    public PastRun {
        events = List.copyOf(events);
    }

    public String id() {
        return folder.id();
    }

    /** Whether {@code last.pth} exists, so the run can carry on. */
    public boolean resumable() {
        return Files.isRegularFile(folder.last());
    }

    public String summary() {
        if (!problem.isEmpty()) return id() + " — " + problem;
        double best = Double.NaN;
        int epochs = 0;
        String end = "unfinished";
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.Evaluation ev && !(ev.metrics().map50() <= best)) best = ev.metrics().map50();
            if (e instanceof TrainingEvent.Iteration it) epochs = Math.max(epochs, it.epoch() + 1);
            if (e instanceof TrainingEvent.Finished f) end = f.reason().name().toLowerCase().replace('_', ' ');
            if (e instanceof TrainingEvent.Failed) end = "failed";
        }
        return id() + " — " + epochs + (epochs == 1 ? " epoch, " : " epochs, ") + end
            + (Double.isNaN(best) ? "" : String.format(", best mAP@0.5 %.3f", best));
    }

    /** Every run folder with a metrics log, newest first; a log that cannot be read is listed with its problem. */
    public static List<PastRun> list(Path runsDir) throws IOException {
        List<PastRun> runs = new ArrayList<>();
        if (!Files.isDirectory(runsDir)) return runs;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runsDir, Files::isDirectory)) {
            for (Path d : dirs) {
                RunFolder f = new RunFolder(d);
                if (!Files.isRegularFile(f.metrics())) continue;
                try {
                    runs.add(new PastRun(f, io.boxwork.engine.train.MetricsLog.read(f.metrics()), ""));
                } catch (IOException e) {
                    runs.add(new PastRun(f, List.of(), e.getMessage()));
                }
            }
        }
        runs.sort(Comparator.comparing(PastRun::id).reversed());
        return runs;
    }

    @Override
    public String toString() {
        return summary();
    }
}
