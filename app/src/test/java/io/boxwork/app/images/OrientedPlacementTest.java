package io.boxwork.app.images;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each EXIF orientation, checked on where the stored picture's top-left pixel centre and its
 * top-right pixel centre land on the upright plane (stored 40 x 20, so 5..8 give 20 x 40).
 */
class OrientedPlacementTest {

    private static void assertMaps(int orientation, double u, double v, double x, double y) {
        OrientedPlacement p = OrientedPlacement.of(orientation, 40, 20, 40, 20);
        assertEquals(x, p.x(u, v), 1e-9, "x of orientation " + orientation);
        assertEquals(y, p.y(u, v), 1e-9, "y of orientation " + orientation);
    }

    @Test
    void orientationsOneToFourKeepTheAxes() {
        assertMaps(1, 0.5, 0.5, 0.5, 0.5);
        assertMaps(2, 0.5, 0.5, 39.5, 0.5);
        assertMaps(3, 0.5, 0.5, 39.5, 19.5);
        assertMaps(4, 0.5, 0.5, 0.5, 19.5);
    }

    @Test
    void orientationSixIsAQuarterTurnClockwise() {
        // Stored top-left goes to upright top-right; stored top-right goes to bottom-right.
        assertMaps(6, 0.5, 0.5, 19.5, 0.5);
        assertMaps(6, 39.5, 0.5, 19.5, 39.5);
    }

    @Test
    void orientationEightIsAQuarterTurnCounterClockwise() {
        assertMaps(8, 0.5, 0.5, 0.5, 39.5);
        assertMaps(8, 39.5, 0.5, 0.5, 0.5);
    }

    @Test
    void orientationsFiveAndSevenTransposeTheImage() {
        assertMaps(5, 39.5, 0.5, 0.5, 39.5);
        assertMaps(5, 0.5, 19.5, 19.5, 0.5);
        assertMaps(7, 0.5, 0.5, 19.5, 39.5);
    }

    @Test
    void aDownsampledDecodeIsScaledBackToFullResolutionLabelPixels() {
        OrientedPlacement p = OrientedPlacement.of(1, 8000, 6000, 4096, 3072);
        assertEquals(8000, p.x(4096, 3072), 1e-9);
        assertEquals(6000, p.y(4096, 3072), 1e-9);
    }
}
