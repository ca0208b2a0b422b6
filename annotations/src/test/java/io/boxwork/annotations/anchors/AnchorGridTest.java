package io.boxwork.annotations.anchors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnchorGridTest {

    @Test
    void cellAnchorsOfSize32AreTorchvisionsRoundedRatioMajorBoxes() {
        assertArrayEquals(new float[] {-23, -11, 23, 11, -16, -16, 16, 16, -11, -23, 11, 23},
                AnchorGrid.cellAnchors(new double[] {32}, new double[] {0.5, 1.0, 2.0}));
    }

    @Test
    void cellAnchorHalvesRoundToEvenLikeTorchRound() {
        assertArrayEquals(new float[] {-2, -2, 2, 2, -4, -4, 4, 4},
                AnchorGrid.cellAnchors(new double[] {5, 7}, new double[] {1.0}));
    }

    @Test
    void resizeScalesTheShortSideToMinSizeAndPadsToThirtyTwo() {
        ResizedImage r = ResizeSpec.torchvisionDefault().resize(480, 640);
        assertEquals(800, r.height());
        assertEquals(1066, r.width());
        assertEquals(800, r.paddedHeight());
        assertEquals(1088, r.paddedWidth());
        assertEquals(1066f / 640f, r.ratioWidth());
    }

    @Test
    void resizeScaleIsComputedAsTorchDoesForAPythonNumberOverATensor() {
        // torch evaluates 800.0 / tensor(24.) as reciprocal(24) * 800 in float32, which lands just above
        // 800 / 24, so the short side reaches 800; a true float32 division would give 799.
        ResizedImage r = ResizeSpec.torchvisionDefault().resize(24, 25);
        assertEquals(800, r.height());
        assertEquals(833, r.width());
    }

    @Test
    void resizeCapsTheLongSideAtMaxSize() {
        ResizedImage r = ResizeSpec.torchvisionDefault().resize(100, 1000);
        assertEquals(133, r.height());
        assertEquals(1333, r.width());
        assertEquals(160, r.paddedHeight());
        assertEquals(1344, r.paddedWidth());
    }

    @Test
    void fpnLevelsHalveWithCeilingAndP6StrideIsPaddedSizeOverItsGrid() {
        List<FeatureLevel> levels = FpnGeometry.levels(800, 1216);
        assertEquals(new FeatureLevel("P2", 200, 304, 4, 4), levels.get(0));
        assertEquals(new FeatureLevel("P5", 25, 38, 32, 32), levels.get(3));
        assertEquals(new FeatureLevel("P6", 13, 19, 61, 64), levels.get(4));
    }

    @Test
    void levelAnchorsRunRowByRowThenColumnThenCellAnchor() {
        FeatureLevel level = new FeatureLevel("P3", 2, 3, 8, 8);
        float[] cells = AnchorGrid.cellAnchors(new double[] {16}, new double[] {0.5, 1.0});
        float[] all = AnchorGrid.levelAnchors(level, cells);
        assertEquals(2 * 3 * 2 * 4, all.length);
        float[] cell = AnchorGrid.anchorsAt(level, cells, 1, 2);
        // Row 1, column 2 is cell 5: its two anchors start at value 5 * 2 * 4.
        assertArrayEquals(cell, java.util.Arrays.copyOfRange(all, 40, 48));
        assertArrayEquals(new float[] {16 - 11, 8 - 6, 16 + 11, 8 + 6}, java.util.Arrays.copyOfRange(cell, 0, 4));
        assertThrows(AnchorInputException.class, () -> AnchorGrid.anchorsAt(level, cells, 2, 0));
    }

    @Test
    void levelsWithDifferentAnchorCountsPerLocationAreRefused() {
        AnchorInputException e = assertThrows(AnchorInputException.class, () -> new AnchorSpec(
                new double[][] {{32}, {64, 96}}, new double[][] {{1.0}, {1.0}}));
        assertEquals(true, e.getMessage().contains("level 1 has 2 anchors per location"), e.getMessage());
    }
}
