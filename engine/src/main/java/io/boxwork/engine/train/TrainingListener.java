package io.boxwork.engine.train;

/**
 * Receives every event of a run on the training thread; a UI listener hands the (immutable)
 * event to its own thread instead of doing work here.
 */
@FunctionalInterface
public interface TrainingListener {
    void onEvent(TrainingEvent event);
}
