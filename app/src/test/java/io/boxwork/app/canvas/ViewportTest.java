package io.boxwork.app.canvas;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViewportTest {

    @Test
    void fitCentresTheWholeImageInTheView() {
        Viewport v = Viewport.fit(4000, 3000, 816, 616);
        assertEquals(0.2, v.zoom(), 1e-9);
        assertEquals(8, v.screenX(0), 1e-9);
        assertEquals(808, v.screenX(4000), 1e-9);
        assertEquals(8, v.screenY(0), 1e-9);
        assertEquals(608, v.screenY(3000), 1e-9);
    }

    @Test
    void zoomingAtTheCursorKeepsTheImagePointUnderIt() {
        Viewport v = new Viewport(0.5, 10, 20);
        double ix = v.imageX(300), iy = v.imageY(200);
        Viewport z = v.zoomAt(300, 200, 3);
        assertEquals(1.5, z.zoom(), 1e-12);
        assertEquals(300, z.screenX(ix), 1e-9);
        assertEquals(200, z.screenY(iy), 1e-9);
    }

    @Test
    void zoomIsClampedSoTheImageCanNeverVanish() {
        Viewport v = Viewport.identity().zoomAt(0, 0, 1e9);
        assertEquals(Viewport.MAX_ZOOM, v.zoom());
        assertTrue(Viewport.identity().zoomAt(0, 0, 1e-9).zoom() >= Viewport.MIN_ZOOM);
    }

    @Test
    void screenAndImageCoordinatesAreInverse() {
        Viewport v = new Viewport(2.5, -33, 71).panBy(5, -4);
        assertEquals(123.25, v.imageX(v.screenX(123.25)), 1e-9);
        assertEquals(-7.5, v.imageY(v.screenY(-7.5)), 1e-9);
    }
}
