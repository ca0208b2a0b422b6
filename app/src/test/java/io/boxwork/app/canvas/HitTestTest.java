package io.boxwork.app.canvas;

import io.boxwork.annotations.model.Box;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HitTestTest {
    private final Box big = Box.manual(1, 1, 0, 0, 100, 100);
    private final Box small = Box.manual(2, 2, 40, 40, 60, 60);

    @Test
    void theSmallestBoxUnderTheCursorWinsSoNestedBoxesCanBePicked() {
        assertEquals(2, HitTest.boxAt(List.of(big, small), 50, 50, 0, c -> true).orElseThrow().id());
        assertEquals(1, HitTest.boxAt(List.of(big, small), 10, 10, 0, c -> true).orElseThrow().id());
    }

    @Test
    void boxesOfHiddenOrLockedClassesAreNotPicked() {
        assertEquals(1, HitTest.boxAt(List.of(big, small), 50, 50, 0, c -> c != 2).orElseThrow().id());
        assertTrue(HitTest.boxAt(List.of(big, small), 50, 50, 0, c -> false).isEmpty());
    }

    @Test
    void aRubberBandSelectsOnlyBoxesItWhollyEncloses() {
        assertEquals(List.of(2L), HitTest.boxesInside(List.of(big, small), 30, 30, 70, 70, c -> true));
        assertEquals(List.of(1L, 2L), HitTest.boxesInside(List.of(big, small), 101, 101, -1, -1, c -> true));
    }

    @Test
    void theNearestHandleWithinTheRadiusIsFound() {
        HitTest.HandleHit h = HitTest.handleAt(List.of(small), 61, 59, 3).orElseThrow();
        assertEquals(Handle.SE, h.handle());
        assertEquals(Handle.E, HitTest.handleAt(List.of(small), 60, 50, 3).orElseThrow().handle());
        assertTrue(HitTest.handleAt(List.of(small), 50, 50, 3).isEmpty());
    }

    @Test
    void draggingAHandleMovesOnlyItsEdges() {
        assertArrayEquals(new float[] {40, 30, 60, 60}, Handle.N.drag(small, 7, -10));
        assertArrayEquals(new float[] {35, 40, 60, 65}, Handle.SW.drag(small, -5, 5));
        assertArrayEquals(new float[] {40, 40, 80, 60}, Handle.E.drag(small, 20, 99));
    }
}
