package io.boxwork.engine.device;

import org.bytedeco.pytorch.global.torch;

/**
 * Applies LibTorch's thread settings. The inter-op pool can be sized once per process and only
 * before any parallel work (LibTorch refuses afterwards), so the first call sizes it and later
 * calls change only the intra-op threads. {@code OMP_WAIT_POLICY=PASSIVE} and
 * {@code OPENBLAS_NUM_THREADS=1} must come from the launcher's environment: they are read when the
 * natives load and cannot be set from inside the JVM.
 */
public final class NativeThreads {

    static {
        // Runs before the first torch call below loads LibTorch (see NativeLibraries).
        NativeLibraries.unpack();
    }

    private static boolean interOpConfigured;

    private NativeThreads() {
    }

    public static synchronized ThreadSettings configure(int intraOpThreads, int interOpThreads) {
        if (intraOpThreads < 1 || interOpThreads < 1) {
            throw new IllegalArgumentException("thread counts must be at least 1, got intra-op " + intraOpThreads
                    + " and inter-op " + interOpThreads);
        }
        if (!interOpConfigured) {
            interOpConfigured = true;
            try {
                torch.set_num_interop_threads(interOpThreads);
            } catch (RuntimeException alreadyStarted) {
                // LibTorch has already run parallel work: its inter-op pool keeps the size it has,
                // which current() reports; the intra-op setting below still applies.
            }
        }
        torch.set_num_threads(intraOpThreads);
        return current();
    }

    public static ThreadSettings current() {
        return new ThreadSettings(torch.get_num_threads(), torch.get_num_interop_threads());
    }
}
