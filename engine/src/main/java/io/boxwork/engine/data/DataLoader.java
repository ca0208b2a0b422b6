package io.boxwork.engine.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decodes batches ahead of the trainer on background threads, so a training step never waits
 * on image decoding.
 * <p>Workers produce plain Java arrays only; native tensors are made by the consumer
 * ({@link DetectionBatch#toTensors()}) inside its own {@code PointerScope}, so no tensor is
 * ever owned by, or freed with, a worker thread's scope.
 * <p>Batches arrive in a fixed order whatever the thread timing: the order comes from
 * (seed, epoch) and each item's augmentation from (seed, epoch, item), so a seed repeats a run.
 * A failed load reaches the consumer as a {@link DataLoadingException} naming the image, at the
 * batch it belongs to.
 */
public final class DataLoader implements AutoCloseable {
    private static final long JOIN_TIMEOUT_MILLIS = 10_000;

    private final SampleSource source;
    private final LoaderOptions options;
    private Epoch current;

    public DataLoader(SampleSource source, LoaderOptions options) {
        this.source = source;
        this.options = options;
    }

    public LoaderOptions options() {
        return options;
    }

    public int batchesPerEpoch() {
        int n = source.size();
        return options.dropLast() ? n / options.batchSize() : (n + options.batchSize() - 1) / options.batchSize();
    }

    /** The order items are visited in during {@code epoch}: a seeded shuffle, or 0..n-1. */
    public int[] order(int epoch) {
        int n = source.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        if (options.shuffle()) {
            SplittableRandom random = new SplittableRandom(mix(options.seed(), epoch));
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    /** Starts decoding {@code epoch}; a previous epoch still running is stopped first. */
    public synchronized Epoch epoch(int epoch) {
        return epoch(epoch, 0);
    }

    /**
     * Starts {@code epoch} at batch {@code firstBatch} (a resumed run): the batches before it are
     * not decoded, and the rest are exactly those a full pass would have delivered.
     */
    public synchronized Epoch epoch(int epoch, int firstBatch) {
        if (firstBatch < 0 || firstBatch > batchesPerEpoch()) {
            throw new IllegalArgumentException("first batch must be in 0.." + batchesPerEpoch() + ", was " + firstBatch);
        }
        if (current != null) current.close();
        current = new Epoch(epoch, firstBatch);
        return current;
    }

    /** Stops the running epoch's threads (the loader can start another epoch afterwards). */
    @Override
    public synchronized void close() {
        if (current != null) current.close();
    }

    /** SplitMix64 over a combination of two numbers: nearby seeds and epochs give unrelated streams. */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private sealed interface Outcome permits Loaded, Failed {
    }

    private record Loaded(DetectionBatch batch) implements Outcome {
    }

    private record Failed(String imagePath, Throwable error) implements Outcome {
    }

    /** One pass over the source: iterate it for batches; close it to stop early. */
    public final class Epoch implements Iterator<DetectionBatch>, AutoCloseable {
        private final int epoch;
        private final int[] order;
        private final int batchCount;
        private final Semaphore room;
        private final AtomicInteger nextToStart = new AtomicInteger();
        private final Map<Integer, Outcome> ready = new HashMap<>();
        private final List<Thread> workers = new ArrayList<>();
        private volatile boolean stopped;
        private int cursor;
        private long waitedNanos;

        private Epoch(int epoch, int firstBatch) {
            this.epoch = epoch;
            this.order = order(epoch);
            this.batchCount = batchesPerEpoch();
            this.cursor = firstBatch;
            this.nextToStart.set(firstBatch);
            this.room = new Semaphore(options.prefetchBatches());
            int threads = Math.min(options.workers(), batchCount - firstBatch);
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(this::work, "boxwork-data-e" + epoch + "-" + t);
                worker.setDaemon(true);
                workers.add(worker);
            }
            workers.forEach(Thread::start);
        }

        public int epochIndex() {
            return epoch;
        }

        public int batchCount() {
            return batchCount;
        }

        /** Time the consumer spent blocked in {@link #next()}: near zero when decoding keeps up. */
        public long waitedNanos() {
            return waitedNanos;
        }

        /** Whether any of this epoch's threads is still alive. */
        public boolean isRunning() {
            return workers.stream().anyMatch(Thread::isAlive);
        }

        private void work() {
            while (!stopped) {
                try {
                    room.acquire();
                } catch (InterruptedException e) {
                    return;
                }
                // Batches start in index order, so the one the consumer needs next is always among
                // those holding room: the bounded queue cannot deadlock.
                int b = nextToStart.getAndIncrement();
                if (b >= batchCount || stopped) {
                    room.release();
                    return;
                }
                Outcome outcome = load(b);
                synchronized (ready) {
                    ready.put(b, outcome);
                    ready.notifyAll();
                }
            }
        }

        private Outcome load(int b) {
            int from = b * options.batchSize();
            int to = Math.min(order.length, from + options.batchSize());
            List<DetectionSample> samples = new ArrayList<>(to - from);
            for (int k = from; k < to; k++) {
                int item = order[k];
                try {
                    samples.add(source.load(item, new SplittableRandom(mix(mix(options.seed(), epoch), item))));
                } catch (Exception | Error e) {
                    if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                    return new Failed(source.imagePath(item), e);
                }
            }
            return new Loaded(new DetectionBatch(epoch, b, samples));
        }

        @Override
        public boolean hasNext() {
            return !stopped && cursor < batchCount;
        }

        @Override
        public DetectionBatch next() {
            if (!hasNext()) throw new NoSuchElementException("epoch " + epoch + " has no more batches");
            Outcome outcome;
            long start = System.nanoTime();
            synchronized (ready) {
                while ((outcome = ready.remove(cursor)) == null) {
                    if (stopped) throw new NoSuchElementException("epoch " + epoch + " was stopped");
                    try {
                        ready.wait();
                    } catch (InterruptedException e) {
                        close();
                        Thread.currentThread().interrupt();
                        throw new DataLoadingException(null, "interrupted while waiting for batch " + cursor
                            + " of epoch " + epoch, e);
                    }
                }
            }
            waitedNanos += System.nanoTime() - start;
            cursor++;
            room.release();
            if (outcome instanceof Failed f) {
                close();
                throw new DataLoadingException(f.imagePath(), "could not load image '" + f.imagePath() + "' (epoch "
                    + epoch + "): " + f.error().getMessage(), f.error());
            }
            return ((Loaded) outcome).batch();
        }

        /** Stops the workers and waits for them to end; batches not yet taken are dropped. */
        @Override
        public void close() {
            stopped = true;
            for (Thread w : workers) w.interrupt();
            synchronized (ready) {
                ready.clear();
                ready.notifyAll();
            }
            for (Thread w : workers) {
                if (w == Thread.currentThread()) continue;
                try {
                    w.join(JOIN_TIMEOUT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
