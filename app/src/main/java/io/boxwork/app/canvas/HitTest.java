package io.boxwork.app.canvas;

import io.boxwork.annotations.model.Box;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Which box or handle is under the cursor. Among overlapping boxes the smallest wins, so a
 * small box inside a large one can always be picked.
 */
public final class HitTest {
    private HitTest() {
    }

    public record HandleHit(long boxId, Handle handle) {
    }

    /**
     * @param editable which classes can be picked (visible and not locked)
     * @param slack    how far outside a box (in image pixels) still counts as on it
     */
    public static Optional<Box> boxAt(List<Box> boxes, double x, double y, double slack, IntPredicate editable) {
        Box best = null;
        for (Box b : boxes) {
            if (!editable.test(b.classId())) continue;
            if (x >= b.x1() - slack && x <= b.x2() + slack && y >= b.y1() - slack && y <= b.y2() + slack) {
                if (best == null || b.area() < best.area()) best = b;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A handle of one of the given (selected) boxes within {@code radius} image pixels. */
    public static Optional<HandleHit> handleAt(List<Box> selected, double x, double y, double radius) {
        HandleHit best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Box b : selected) {
            for (Handle h : Handle.values()) {
                double d = Math.max(Math.abs(h.x(b) - x), Math.abs(h.y(b) - y));
                if (d <= radius && d < bestDistance) {
                    bestDistance = d;
                    best = new HandleHit(b.id(), h);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Ids of boxes wholly inside the rectangle (a rubber band selects what it encloses, as in napari). */
    public static List<Long> boxesInside(List<Box> boxes, double ax, double ay, double bx, double by, IntPredicate editable) {
        double x1 = Math.min(ax, bx), x2 = Math.max(ax, bx), y1 = Math.min(ay, by), y2 = Math.max(ay, by);
        List<Long> ids = new ArrayList<>();
        for (Box b : boxes) {
            if (editable.test(b.classId()) && b.x1() >= x1 && b.x2() <= x2 && b.y1() >= y1 && b.y2() <= y2) ids.add(b.id());
        }
        return ids;
    }
}
