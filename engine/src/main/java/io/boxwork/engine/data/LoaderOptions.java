package io.boxwork.engine.data;

/**
 * How a {@link DataLoader} walks its source.
 *
 * @param batchSize       items per batch
 * @param shuffle         a new seeded order every epoch (training) or the source's order (evaluation)
 * @param seed            fixes the order and every augmentation draw
 * @param workers         decoding threads (1 or 2 leave the trainer its cores)
 * @param prefetchBatches batches decoded ahead at most: bounds the memory held
 * @param dropLast        leave out a last, smaller batch
 */
public record LoaderOptions(int batchSize, boolean shuffle, long seed, int workers, int prefetchBatches, boolean dropLast) {

    public LoaderOptions {
        if (batchSize <= 0) throw new IllegalArgumentException("batch size must be positive, was " + batchSize);
        if (workers <= 0) throw new IllegalArgumentException("need at least one worker, was " + workers);
        if (prefetchBatches <= 0) throw new IllegalArgumentException("prefetch must be at least one batch, was " + prefetchBatches);
    }

    public static LoaderOptions training(int batchSize, long seed) {
        return new LoaderOptions(batchSize, true, seed, 1, 4, false);
    }

    public static LoaderOptions evaluation(int batchSize) {
        return new LoaderOptions(batchSize, false, 0, 1, 4, false);
    }

    public LoaderOptions withWorkers(int n) {
        return new LoaderOptions(batchSize, shuffle, seed, n, prefetchBatches, dropLast);
    }

    public LoaderOptions withPrefetch(int batches) {
        return new LoaderOptions(batchSize, shuffle, seed, workers, batches, dropLast);
    }

    public LoaderOptions withDropLast(boolean drop) {
        return new LoaderOptions(batchSize, shuffle, seed, workers, prefetchBatches, drop);
    }
}
