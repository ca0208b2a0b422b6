package io.boxwork.app.anchors;

import io.boxwork.annotations.anchors.AnchorInputException;
import io.boxwork.annotations.model.AnchorSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AnchorGeometryTest {
    private final AnchorGeometry g = AnchorGeometry.of(AnchorSettings.torchvisionDefaults(), 640, 480);

    @Test
    void anImageIsResizedAndPaddedAsTheModelSeesIt() {
        assertEquals(1066, g.image().width());
        assertEquals(800, g.image().height());
        assertEquals(1088, g.image().paddedWidth());
        assertEquals(800, g.image().paddedHeight());
        assertEquals(5, g.levels().size());
        assertEquals(4, g.levels().get(0).strideWidth());
    }

    @Test
    void theCellUnderAPointIsTheOneWhoseAnchorsAreCentredNearestItAndStaysOnTheGrid() {
        // P3 has stride 8: anchors of cell (r, c) are centred on (8c, 8r).
        assertEquals(new AnchorGeometry.Cell(2, 5), g.cellAt(1, 43.9, 12.1));
        assertEquals(new AnchorGeometry.Cell(0, 0), g.cellAt(1, -30, -30));
        var p3 = g.levels().get(1);
        assertEquals(new AnchorGeometry.Cell(p3.gridHeight() - 1, p3.gridWidth() - 1), g.cellAt(1, 5000, 5000));
    }

    @Test
    void theAnchorsOfACellAreEverySizeAndRatioAroundItsCentre() {
        float[] a = g.anchorsAt(0, new AnchorGeometry.Cell(10, 20));
        // Size 32 at ratios 0.5, 1, 2 (height / width), centred on (80, 40), rounded like torchvision.
        assertArrayEquals(new float[] {57, 29, 103, 51, 64, 24, 96, 56, 69, 17, 91, 63}, a);
    }

    @Test
    void oneLevelMeansTheSingleMapOfABackboneWithoutFpn() {
        AnchorGeometry single = AnchorGeometry.of(new AnchorSettings(List.of(List.of(32, 64, 128, 256, 512)), List.of(0.5, 1.0, 2.0), 800, 1333), 640, 480);
        assertEquals(1, single.levels().size());
        assertEquals(32, single.levels().get(0).strideWidth());
        assertEquals(15, single.anchorsAt(0, new AnchorGeometry.Cell(0, 0)).length / 4);
    }

    @Test
    void threeLevelsFitNoBackbone() {
        AnchorSettings three = new AnchorSettings(List.of(List.of(32), List.of(64), List.of(128)), List.of(1.0), 800, 1333);
        assertThrows(AnchorInputException.class, () -> AnchorGeometry.of(three, 640, 480));
    }
}
