package io.boxwork.engine.device;

/**
 * LibTorch's thread pools as they are in effect.
 *
 * @param intraOpThreads threads one operation (a convolution, a matrix product) may use
 * @param interOpThreads threads running independent operations side by side
 */
public record ThreadSettings(int intraOpThreads, long interOpThreads) {
}
