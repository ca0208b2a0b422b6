package io.boxwork.engine.train;

/**
 * Where a run stands, saved in each checkpoint: enough, with the model and the momentum
 * buffers, to carry on exactly where it stopped.
 *
 * @param nextIteration            the first step not yet taken (steps count from 0 over the whole run)
 * @param epochsDone               epochs whose every step is taken
 * @param bestMap50                best val mAP@0.5 so far (NaN before any evaluation)
 * @param epochsWithoutImprovement evaluations in a row that did not beat {@code bestMap50}
 * @param evaluatedEpochs          epochs whose end-of-epoch evaluation is done (resume does not repeat it)
 */
public record TrainingProgress(long nextIteration, int epochsDone, double bestMap50, int epochsWithoutImprovement,
                               int evaluatedEpochs) {

    public static TrainingProgress start() {
        return new TrainingProgress(0, 0, Double.NaN, 0, 0);
    }
}
