package io.boxwork.engine.train;

/** The rate at any iteration: base x warm-up x schedule. */
public record LearningRate(double base, Warmup warmup, LrSchedule schedule, long totalIterations, int iterationsPerEpoch) {

    public double at(long iteration) {
        return base * warmup.factor(iteration) * schedule.factor(iteration, totalIterations, iterationsPerEpoch);
    }
}
