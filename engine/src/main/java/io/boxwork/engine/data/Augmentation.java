package io.boxwork.engine.data;

import java.util.SplittableRandom;

/**
 * Random changes to a training image that keep its boxes true: horizontal flip, scale jitter
 * (zoom in or out around a random point, keeping the canvas size) and photometric jitter.
 * Each draw comes from the random source handed in, so a seed fixes every choice.
 *
 * @param flipProbability chance of a horizontal flip (torchvision's references use 0.5)
 * @param minScale        smallest zoom factor (1 with {@code maxScale} 1 turns scale jitter off)
 * @param maxScale        largest zoom factor
 * @param brightness      brightness factor drawn from [1 - b, 1 + b]; 0 turns it off
 * @param contrast        contrast factor drawn from [1 - c, 1 + c]; 0 turns it off
 * @param saturation      saturation factor drawn from [1 - s, 1 + s]; 0 turns it off
 */
public record Augmentation(double flipProbability, double minScale, double maxScale, double brightness, double contrast,
                           double saturation) {

    public Augmentation {
        if (!(flipProbability >= 0 && flipProbability <= 1)) throw new IllegalArgumentException("flip probability must be in [0, 1], was " + flipProbability);
        if (!(minScale > 0 && maxScale >= minScale)) throw new IllegalArgumentException("need 0 < min scale <= max scale, were " + minScale + " and " + maxScale);
        for (double j : new double[] {brightness, contrast, saturation}) {
            if (!(j >= 0 && j < 1)) throw new IllegalArgumentException("photometric jitter must be in [0, 1), was " + j);
        }
    }

    public static Augmentation none() {
        return new Augmentation(0, 1, 1, 0, 0, 0);
    }

    /** torchvision's detection reference: horizontal flip only. */
    public static Augmentation flipOnly() {
        return new Augmentation(0.5, 1, 1, 0, 0, 0);
    }

    public Augmentation withScaleJitter(double min, double max) {
        return new Augmentation(flipProbability, min, max, brightness, contrast, saturation);
    }

    public Augmentation withPhotometricJitter(double b, double c, double s) {
        return new Augmentation(flipProbability, minScale, maxScale, b, c, s);
    }

    public boolean isIdentity() {
        return flipProbability == 0 && minScale == 1 && maxScale == 1 && brightness == 0 && contrast == 0 && saturation == 0;
    }

    public DetectionSample apply(DetectionSample sample, SplittableRandom random) {
        // Every draw is made whether or not its step is on, so turning one step on or off
        // leaves the other steps' choices for the same seed unchanged.
        boolean flip = random.nextDouble() < flipProbability;
        double scale = minScale + (maxScale - minScale) * random.nextDouble();
        double shiftX = random.nextDouble();
        double shiftY = random.nextDouble();
        double b = 1 + brightness * (2 * random.nextDouble() - 1);
        double c = 1 + contrast * (2 * random.nextDouble() - 1);
        double s = 1 + saturation * (2 * random.nextDouble() - 1);
        DetectionSample out = sample;
        if (flip) out = AugmentOps.flipHorizontal(out);
        if (scale != 1) out = AugmentOps.zoom(out, scale, shiftX, shiftY);
        if (b != 1 || c != 1 || s != 1) out = AugmentOps.photometric(out, b, c, s);
        return out;
    }
}
