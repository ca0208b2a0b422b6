package io.boxwork.annotations.storage;

import io.boxwork.annotations.model.ImageLabels;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Saves label snapshots off the caller's thread. The first unsaved edit starts the clock and the
 * write happens one debounce interval later, however busy the person is, so a crash loses at most
 * that interval. A failed write (full disk, permissions) keeps the snapshot pending and retries;
 * the file on disk keeps its last good content meanwhile.
 */
public final class AutosaveWriter implements AutoCloseable {

    /** Where snapshots go; {@link Project#saveLabels} in the app. */
    @FunctionalInterface
    public interface Sink {
        void save(ImageLabels labels) throws IOException;
    }

    public enum State { SAVED, PENDING, FAILED }

    /** What the status bar shows. */
    public record Status(State state, int pendingImages, String error, Instant lastSaved) {
    }

    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(2);

    private final Sink sink;
    private final Duration debounce;
    private final ScheduledExecutorService executor;
    private final Map<String, ImageLabels> pending = new ConcurrentHashMap<>();
    private final List<Consumer<Status>> listeners = new CopyOnWriteArrayList<>();
    private final Object scheduleLock = new Object();
    private boolean scheduled;
    private volatile Status status = new Status(State.SAVED, 0, null, null);
    private volatile boolean closed;

    public AutosaveWriter(Sink sink, Duration debounce) {
        this.sink = sink;
        this.debounce = debounce;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "boxwork-autosave");
            t.setDaemon(true);
            return t;
        });
    }

    public void addListener(Consumer<Status> listener) {
        listeners.add(listener);
    }

    public Status status() {
        return status;
    }

    /** Records the latest state of an image; returns at once. */
    public void submit(ImageLabels labels) {
        if (closed) throw new IllegalStateException("autosave is closed");
        pending.put(labels.imagePath(), labels);
        publish(new Status(status.state() == State.FAILED ? State.FAILED : State.PENDING, pending.size(),
            status.error(), status.lastSaved()));
        scheduleWrite(debounce);
    }

    private void scheduleWrite(Duration delay) {
        synchronized (scheduleLock) {
            if (scheduled || closed) return;
            scheduled = true;
        }
        executor.schedule(this::writePending, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void writePending() {
        synchronized (scheduleLock) {
            scheduled = false;
        }
        IOException failure = writeAll();
        if (failure != null) scheduleWrite(RETRY_AFTER_FAILURE);
    }

    /** Runs on the autosave thread only. */
    private IOException writeAll() {
        IOException failure = null;
        Instant lastSaved = status.lastSaved();
        for (Map.Entry<String, ImageLabels> e : pending.entrySet()) {
            ImageLabels snapshot = e.getValue();
            try {
                sink.save(snapshot);
                // A newer snapshot submitted meanwhile stays pending for the next round.
                pending.remove(e.getKey(), snapshot);
                lastSaved = Instant.now();
            } catch (IOException ex) {
                failure = ex;
            }
        }
        if (failure != null) {
            publish(new Status(State.FAILED, pending.size(), failure.getMessage(), lastSaved));
        } else {
            publish(new Status(pending.isEmpty() ? State.SAVED : State.PENDING, pending.size(), null, lastSaved));
        }
        return failure;
    }

    /** Writes everything pending now and waits for it; throws if a write fails. */
    public void flush() throws IOException {
        IOException failure;
        try {
            failure = executor.submit(this::writeAll).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while saving labels", e);
        } catch (ExecutionException e) {
            throw new IOException("saving labels failed: " + e.getCause(), e.getCause());
        }
        if (failure != null) throw failure;
    }

    private void publish(Status s) {
        status = s;
        for (Consumer<Status> l : listeners) l.accept(s);
    }

    /** Flushes, then stops the writer thread. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        try {
            flush();
        } finally {
            closed = true;
            executor.shutdown();
        }
    }
}
