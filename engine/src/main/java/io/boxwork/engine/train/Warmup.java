package io.boxwork.engine.train;

/**
 * Linear warm-up as torchvision's detection reference does it: the rate climbs from
 * {@code startFactor} x base to base over the first {@code iterations}, so a fresh head's large
 * gradients do not wreck pretrained features.
 */
public record Warmup(int iterations, double startFactor) {

    public Warmup {
        if (iterations < 0) throw new IllegalArgumentException("warm-up iterations must be >= 0, was " + iterations);
        if (!(startFactor > 0 && startFactor <= 1)) throw new IllegalArgumentException("warm-up start factor must be in (0, 1], was " + startFactor);
    }

    public static Warmup none() {
        return new Warmup(0, 1.0);
    }

    public double factor(long iteration) {
        if (iteration >= iterations) return 1.0;
        double alpha = (double) iteration / iterations;
        return startFactor * (1 - alpha) + alpha;
    }
}
