package io.boxwork.engine.data;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AugmentationTest {

    /** A 20 x 10 picture whose red channel is the column number, green the row, blue constant. */
    private static DetectionSample sample(float[] boxes, long[] labels) {
        int w = 20;
        int h = 10;
        float[] chw = new float[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                chw[y * w + x] = x / 20f;
                chw[w * h + y * w + x] = y / 10f;
                chw[2 * w * h + y * w + x] = 0.5f;
            }
        }
        return new DetectionSample("a.png", new DecodedImage(w, h, chw), boxes, labels);
    }

    @Test
    void horizontalFlipMirrorsPixelsAndBoxesTogether() {
        DetectionSample s = sample(new float[] {2, 3, 10, 8, 0, 0, 20, 10}, new long[] {1, 2});
        DetectionSample f = AugmentOps.flipHorizontal(s);
        assertArrayEquals(new float[] {10, 3, 18, 8, 0, 0, 20, 10}, f.boxes());
        assertArrayEquals(new long[] {1, 2}, f.labels());
        for (int x = 0; x < 20; x++) {
            assertEquals(s.image().at(0, 19 - x, 4), f.image().at(0, x, 4), 0f);
            assertEquals(s.image().at(1, 19 - x, 4), f.image().at(1, x, 4), 0f);
        }
        DetectionSample back = AugmentOps.flipHorizontal(f);
        assertArrayEquals(s.image().chw(), back.image().chw());
        assertArrayEquals(s.boxes(), back.boxes());
    }

    @Test
    void flipProbabilityOneAlwaysFlipsAndZeroNever() {
        DetectionSample s = sample(new float[] {2, 3, 10, 8}, new long[] {1});
        Augmentation always = new Augmentation(1, 1, 1, 0, 0, 0);
        Augmentation never = new Augmentation(0, 1, 1, 0, 0, 0);
        for (long seed = 0; seed < 10; seed++) {
            assertArrayEquals(new float[] {10, 3, 18, 8}, always.apply(s, new SplittableRandom(seed)).boxes());
            assertArrayEquals(new float[] {2, 3, 10, 8}, never.apply(s, new SplittableRandom(seed)).boxes());
        }
    }

    @Test
    void halfTheSeedsFlipAtProbabilityOneHalf() {
        DetectionSample s = sample(new float[] {2, 3, 10, 8}, new long[] {1});
        int flipped = 0;
        for (long seed = 0; seed < 400; seed++) {
            if (Augmentation.flipOnly().apply(s, new SplittableRandom(seed)).boxes()[0] == 10f) flipped++;
        }
        assertEquals(200, flipped, 40);
    }

    @Test
    void theSameSeedGivesTheSameAugmentedSample() {
        DetectionSample s = sample(new float[] {2, 3, 10, 8}, new long[] {1});
        Augmentation all = Augmentation.flipOnly().withScaleJitter(0.7, 1.4).withPhotometricJitter(0.3, 0.3, 0.3);
        DetectionSample a = all.apply(s, new SplittableRandom(99));
        DetectionSample b = all.apply(s, new SplittableRandom(99));
        DetectionSample c = all.apply(s, new SplittableRandom(100));
        assertArrayEquals(a.image().chw(), b.image().chw());
        assertArrayEquals(a.boxes(), b.boxes());
        assertFalse(java.util.Arrays.equals(a.image().chw(), c.image().chw()));
    }

    @Test
    void zoomingInScalesBoxesAndDropsThoseMostlyPushedOutOfFrame() {
        // Box 1 stays inside; box 2 ends up mostly beyond the right edge.
        DetectionSample s = sample(new float[] {1, 1, 4, 3, 9, 2, 13, 6}, new long[] {1, 3});
        DetectionSample z = AugmentOps.zoom(s, 2.0, 0.0, 0.0);
        assertArrayEquals(new long[] {1}, z.labels());
        assertArrayEquals(new float[] {2, 2, 8, 6}, z.boxes(), 1e-5f);
        // Content at output column x came from input column (x + 0.5) / 2 - 0.5.
        assertEquals((10.5f / 2 - 0.5f) / 20f, z.image().at(0, 10, 0), 1e-5f);
    }

    @Test
    void zoomingOutShrinksTheContentOntoAFieldOfTheMeanColour() {
        DetectionSample s = sample(new float[] {4, 2, 12, 8}, new long[] {2});
        DetectionSample z = AugmentOps.zoom(s, 0.5, 1.0, 1.0);
        // shift 1 puts the half-size picture against the bottom-right corner: offset (10, 5).
        assertArrayEquals(new float[] {12, 6, 16, 9}, z.boxes(), 1e-5f);
        assertEquals(0.5f, z.image().at(2, 0, 0), 1e-6f);
        assertEquals(0.475f, z.image().at(0, 0, 0), 1e-5f);
    }

    @Test
    void photometricJitterChangesPixelsButNotBoxes() {
        DetectionSample s = sample(new float[] {2, 3, 10, 8}, new long[] {1});
        DetectionSample bright = AugmentOps.photometric(s, 1.5, 1, 1);
        assertEquals(Math.min(1f, s.image().at(0, 15, 2) * 1.5f), bright.image().at(0, 15, 2), 1e-6f);
        assertArrayEquals(s.boxes(), bright.boxes());
        DetectionSample grey = AugmentOps.photometric(s, 1, 1, 0);
        assertEquals(grey.image().at(0, 7, 7), grey.image().at(1, 7, 7), 1e-6f);
        assertEquals(grey.image().at(1, 7, 7), grey.image().at(2, 7, 7), 1e-6f);
        DetectionSample flat = AugmentOps.photometric(s, 1, 0, 1);
        assertEquals(flat.image().at(0, 0, 0), flat.image().at(0, 19, 9), 1e-6f);
        assertNotEquals(s.image().at(0, 0, 0), flat.image().at(0, 0, 0));
    }

    @Test
    void noAugmentationReturnsTheSampleUntouched() {
        DetectionSample s = sample(new float[] {2, 3, 10, 8}, new long[] {1});
        assertSame(s, Augmentation.none().apply(s, new SplittableRandom(1)));
    }

    @Test
    void impossibleSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(1.5, 1, 1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(0.5, 1.2, 1.1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(0.5, 1, 1, 1.0, 0, 0));
    }
}
