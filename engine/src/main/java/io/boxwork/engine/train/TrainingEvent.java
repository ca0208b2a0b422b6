package io.boxwork.engine.train;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Everything a run reports, in order: to the progress bar, {@code metrics.jsonl} and the UI charts. */
public sealed interface TrainingEvent {

    /** One optimizer step. {@code epoch} is 0-based, {@code iteration} counts steps since the start of the run. */
    record Iteration(int epoch, long iteration, long totalIterations, Map<String, Double> lossParts, double total,
                     double lr, double imagesPerSecond, Duration eta) implements TrainingEvent {
        public Iteration {
            lossParts = Collections.unmodifiableMap(new LinkedHashMap<>(lossParts));
        }
    }

    record Evaluation(int epoch, EvaluationMetrics metrics) implements TrainingEvent {
    }

    enum CheckpointKind { LAST, BEST }

    record Checkpoint(Path path, CheckpointKind kind, int epoch, long iteration) implements TrainingEvent {
    }

    enum FinishReason { COMPLETED, STOPPED, EARLY_STOPPED }

    /** {@code bestMap50} is NaN when nothing was evaluated. */
    record Finished(FinishReason reason, int epochsDone, long iterations, double bestMap50, Path runDir) implements TrainingEvent {
    }

    record Failed(String reason, int epoch, long iteration) implements TrainingEvent {
    }
}
