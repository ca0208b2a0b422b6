package io.boxwork.app;

import io.boxwork.engine.device.NativeThreads;
import io.boxwork.engine.device.ThreadSettings;

import java.util.concurrent.CompletableFuture;

/**
 * Sizes LibTorch's thread pools as the CLI does (every core for one operation, one inter-op
 * thread), on a background thread at start-up: the inter-op pool can only be sized before
 * LibTorch's first parallel work, and loading LibTorch takes seconds the window should not wait
 * for. The first training or review then also finds LibTorch loaded. The UI keeps its share of the
 * cores because the launchers set {@code OMP_WAIT_POLICY=PASSIVE}: idle LibTorch threads sleep.
 */
final class EngineThreads {

    private EngineThreads() {
    }

    static CompletableFuture<ThreadSettings> configureInBackground() {
        int cores = Runtime.getRuntime().availableProcessors();
        CompletableFuture<ThreadSettings> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                done.complete(NativeThreads.configure(cores, 1));
            } catch (RuntimeException | LinkageError e) {
                // LibTorch failing to load is reported where the user asks for it (Train, Review).
                done.completeExceptionally(e);
            }
        }, "libtorch-threads");
        thread.setDaemon(true);
        thread.start();
        return done;
    }
}
