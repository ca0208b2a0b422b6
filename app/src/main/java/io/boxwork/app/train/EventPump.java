package io.boxwork.app.train;

import io.boxwork.engine.train.TrainingEvent;
import io.boxwork.engine.train.TrainingListener;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Hands training events from the training thread to the UI thread a few times a second: the
 * trainer only enqueues (never waits on the UI), and the UI takes everything queued in one batch
 * per tick, so a fast run cannot flood the event queue with one update per step.
 */
public final class EventPump implements TrainingListener {
    public static final Duration TICK = Duration.millis(200);

    private final ConcurrentLinkedQueue<TrainingEvent> queue = new ConcurrentLinkedQueue<>();
    private final Timeline timeline;
    private final Consumer<List<TrainingEvent>> sink;

    /** @param sink called on the UI thread with the events of one tick, in order (never with an empty list) */
    public EventPump(Consumer<List<TrainingEvent>> sink) {
        this.sink = sink;
        this.timeline = new Timeline(new KeyFrame(TICK, e -> drain()));
        timeline.setCycleCount(Timeline.INDEFINITE);
    }

    @Override
    public void onEvent(TrainingEvent event) {
        queue.add(event);
    }

    public void start() {
        timeline.play();
    }

    /** Takes what is queued now (the last events of a finished run, or a test that does not wait for a tick). */
    public void drain() {
        List<TrainingEvent> batch = new ArrayList<>();
        for (TrainingEvent e; (e = queue.poll()) != null; ) batch.add(e);
        if (!batch.isEmpty()) sink.accept(batch);
    }

    public void stop() {
        timeline.stop();
        drain();
    }
}
