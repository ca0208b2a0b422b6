package io.boxwork.app.images;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Decoded pictures of the current image and its neighbours, decoded off the UI thread so that
 * {@code n} shows the next photo at once. Holds only what was last asked to be kept, because a
 * decoded 12-megapixel photo is about 48 MB.
 */
public final class ImagePrefetcher implements AutoCloseable {
    private final ImageDecoder decoder;
    private final Function<String, Path> files;
    private final ExecutorService executor;
    private final Map<String, CompletableFuture<DecodedImage>> cache = new LinkedHashMap<>();

    public ImagePrefetcher(ImageDecoder decoder, Function<String, Path> files) {
        this.decoder = decoder;
        this.files = files;
        // One decoder thread: the machine's other core keeps the UI and autosave responsive.
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "boxwork-image-decode");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
    }

    /** The picture, from the cache or decoded now on the decoder thread. */
    public synchronized CompletableFuture<DecodedImage> get(String imagePath) {
        return cache.computeIfAbsent(imagePath, this::start);
    }

    /** Starts decoding these (in order) and forgets every other picture. */
    public synchronized void keepOnly(Collection<String> imagePaths) {
        Set<String> keep = new HashSet<>(imagePaths);
        cache.entrySet().removeIf(e -> {
            if (keep.contains(e.getKey())) return false;
            e.getValue().cancel(false);
            return true;
        });
        for (String p : imagePaths) cache.computeIfAbsent(p, this::start);
    }

    public synchronized boolean isReady(String imagePath) {
        CompletableFuture<DecodedImage> f = cache.get(imagePath);
        return f != null && f.isDone() && !f.isCompletedExceptionally();
    }

    public synchronized void clear() {
        cache.values().forEach(f -> f.cancel(false));
        cache.clear();
    }

    private CompletableFuture<DecodedImage> start(String imagePath) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return decoder.decode(imagePath, files.apply(imagePath));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, executor);
    }

    @Override
    public void close() {
        clear();
        executor.shutdownNow();
    }
}
