package io.boxwork.engine.cli;

import io.boxwork.engine.train.TrainingEvent;
import io.boxwork.engine.train.TrainingListener;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Training progress for a person: on a terminal one line redrawn in place (bar, loss, lr,
 * images/s, ETA); otherwise (a pipe, a log file) a plain line every {@code plainEvery} steps.
 * Evaluations, checkpoints and the end always get their own line.
 */
final class ProgressBar implements TrainingListener {
    private static final int WIDTH = 28;
    private final PrintWriter out;
    private final boolean terminal;
    private final int plainEvery;
    private boolean midLine;

    ProgressBar(PrintWriter out, boolean terminal, int plainEvery) {
        this.out = out;
        this.terminal = terminal;
        this.plainEvery = Math.max(1, plainEvery);
    }

    @Override
    public void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.Iteration it) {
            String text = iterationText(it);
            if (terminal) {
                out.print("\r" + text + "\u001b[K");
                midLine = true;
            } else if ((it.iteration() + 1) % plainEvery == 0 || it.iteration() + 1 == it.totalIterations()) {
                out.println(text);
            }
        } else {
            endLine();
            out.println(otherText(event));
        }
        out.flush();
    }

    private void endLine() {
        if (midLine) {
            out.println();
            midLine = false;
        }
    }

    static String iterationText(TrainingEvent.Iteration it) {
        double done = (double) (it.iteration() + 1) / Math.max(1, it.totalIterations());
        int filled = (int) Math.round(done * WIDTH);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        return String.format(Locale.ROOT, "epoch %d [%s] %d/%d loss %.4f lr %.2e %.1f img/s ETA %s",
            it.epoch() + 1, bar, it.iteration() + 1, it.totalIterations(), it.total(), it.lr(), it.imagesPerSecond(), eta(it.eta()));
    }

    static String otherText(TrainingEvent e) {
        if (e instanceof TrainingEvent.Evaluation ev) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "epoch %d val: mAP@0.5 %.4f  mAP@[.5:.95] %.4f  val loss %.4f",
                ev.epoch() + 1, ev.metrics().map50(), ev.metrics().map(), ev.metrics().valLoss()));
            for (Map.Entry<String, Double> c : ev.metrics().perClassAp().entrySet()) {
                sb.append(String.format(Locale.ROOT, "%n    AP50 %-20s %.4f", c.getKey(), c.getValue()));
            }
            return sb.toString();
        }
        if (e instanceof TrainingEvent.Checkpoint cp) return "saved " + cp.kind().name().toLowerCase() + " checkpoint " + cp.path();
        if (e instanceof TrainingEvent.Finished f) {
            return String.format(Locale.ROOT, "finished (%s) after %d epochs, %d iterations; best mAP@0.5 %.4f; run folder %s",
                f.reason().name().toLowerCase().replace('_', ' '), f.epochsDone(), f.iterations(), f.bestMap50(), f.runDir());
        }
        if (e instanceof TrainingEvent.Failed f) return "FAILED: " + f.reason();
        return e.toString();
    }

    static String eta(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
            : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
