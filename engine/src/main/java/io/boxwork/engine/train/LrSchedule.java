package io.boxwork.engine.train;

import java.util.List;

/**
 * How the learning rate decays after warm-up, as a pure function of the iteration: resuming at
 * iteration k needs nothing but k to land on the same rate.
 */
public sealed interface LrSchedule {

    /** Multiplier of the base learning rate at {@code iteration} (0-based) of a run of {@code totalIterations}. */
    double factor(long iteration, long totalIterations, int iterationsPerEpoch);

    /** The name written to config.json and accepted by the CLI. */
    String kind();

    /** No decay. */
    record Constant() implements LrSchedule {
        @Override
        public double factor(long iteration, long totalIterations, int iterationsPerEpoch) {
            return 1.0;
        }

        @Override
        public String kind() {
            return "constant";
        }
    }

    /** torchvision's reference recipe: multiply by {@code gamma} at each milestone epoch. */
    record Step(List<Integer> milestoneEpochs, double gamma) implements LrSchedule {
        public Step {
            milestoneEpochs = List.copyOf(milestoneEpochs);
            for (int m : milestoneEpochs) if (m <= 0) throw new IllegalArgumentException("step milestones are epochs >= 1, was " + m);
            if (!(gamma > 0 && gamma <= 1)) throw new IllegalArgumentException("step gamma must be in (0, 1], was " + gamma);
        }

        @Override
        public double factor(long iteration, long totalIterations, int iterationsPerEpoch) {
            long epoch = iteration / Math.max(1, iterationsPerEpoch);
            double f = 1.0;
            for (int m : milestoneEpochs) if (epoch >= m) f *= gamma;
            return f;
        }

        @Override
        public String kind() {
            return "step";
        }
    }

    /** Half a cosine from 1 down to {@code minFactor} over the whole run. */
    record Cosine(double minFactor) implements LrSchedule {
        public Cosine {
            if (!(minFactor >= 0 && minFactor < 1)) throw new IllegalArgumentException("cosine floor must be in [0, 1), was " + minFactor);
        }

        @Override
        public double factor(long iteration, long totalIterations, int iterationsPerEpoch) {
            if (totalIterations <= 1) return 1.0;
            double progress = Math.min(1.0, (double) iteration / (totalIterations - 1));
            return minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * progress));
        }

        @Override
        public String kind() {
            return "cosine";
        }
    }
}
