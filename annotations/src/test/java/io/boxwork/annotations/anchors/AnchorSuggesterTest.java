package io.boxwork.annotations.anchors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AnchorSuggesterTest {

    /** 800x800 images (not resized) with boxes of five sizes, each in ratios 1/2, 1 and 2, slightly jittered. */
    private static List<AnchorImage> images() {
        SplittableRandom random = new SplittableRandom(5);
        double[] sizes = {12, 40, 100, 220, 450};
        double[] ratios = {0.5, 1.0, 2.0};
        List<AnchorImage> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            List<LabelledBox> boxes = new ArrayList<>();
            for (double s : sizes) {
                for (double r : ratios) {
                    double jitter = 1 + (random.nextDouble() - 0.5) * 0.1;
                    double w = s / Math.sqrt(r) * jitter;
                    double h = s * Math.sqrt(r) * jitter;
                    double x = random.nextDouble() * (790 - w);
                    double y = random.nextDouble() * (790 - h);
                    boxes.add(new LabelledBox(0, x, y, x + w, y + h));
                }
            }
            out.add(new AnchorImage("img" + i, 800, 800, boxes));
        }
        return out;
    }

    @Test
    void suggestionFindsTheSizeAndRatioClustersAndCoversBetterThanTheDefaults() {
        List<AnchorImage> images = images();
        AnchorSuggestion s = AnchorSuggester.suggest(images, ResizeSpec.torchvisionDefault(), 5, 3, 42, 5);
        double[] expected = {12, 40, 100, 220, 450};
        for (int l = 0; l < 5; l++) {
            double size = s.spec().sizes()[l][0];
            assertTrue(Math.abs(size - expected[l]) / expected[l] < 0.15, "level " + l + " size " + size);
        }
        assertArrayEquals(new double[] {0.5, 1.0, 2.0}, s.spec().aspectRatios()[0], 0.06);
        AnchorCoverage defaults = AnchorCoverageCalculator.compute(AnchorSpec.torchvisionDefault(),
                ResizeSpec.torchvisionDefault(), images, 5);
        assertTrue(s.coverage().shareAtLeast05() > defaults.shareAtLeast05(),
                s.coverage().shareAtLeast05() + " vs default " + defaults.shareAtLeast05());
        assertTrue(s.meanIouToCentroid() > 0.5);
    }

    @Test
    void theSameBoxesAndSeedGiveTheSameSuggestion() {
        List<AnchorImage> images = images();
        AnchorSuggestion a = AnchorSuggester.suggest(images, ResizeSpec.torchvisionDefault(), 5, 3, 7, 3);
        AnchorSuggestion b = AnchorSuggester.suggest(images, ResizeSpec.torchvisionDefault(), 5, 3, 7, 3);
        assertEquals(a.spec(), b.spec());
        assertEquals(a.coverage().meanBestIou(), b.coverage().meanBestIou());
    }

    @Test
    void shapeIouComparesBoxesSharingACentre() {
        assertEquals(0.5, AnchorSuggester.shapeIou(10, 10, 10, 5));
        assertEquals(1.0, AnchorSuggester.shapeIou(7, 3, 7, 3));
    }

    @Test
    void fewerBoxesThanLevelsStillGiveFiveSizes() {
        AnchorImage one = new AnchorImage("one", 800, 800, List.of(new LabelledBox(0, 0, 0, 64, 32)));
        AnchorSuggestion s = AnchorSuggester.suggest(List.of(one), ResizeSpec.torchvisionDefault(), 5, 3, 1, 1);
        assertEquals(5, s.spec().levelCount());
        assertEquals(45, s.spec().sizes()[0][0]);
        assertEquals(0.5, s.spec().aspectRatios()[0][0]);
    }
}
