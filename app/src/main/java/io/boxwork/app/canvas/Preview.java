package io.boxwork.app.canvas;

import java.util.Set;

/** What a drag in progress looks like before it becomes an edit (one undo step on release). */
public sealed interface Preview {

    Preview NONE = new None();

    record None() implements Preview {
    }

    /** A new box being drawn, in image pixels. */
    record NewBox(double x1, double y1, double x2, double y2) implements Preview {
    }

    record Moved(Set<Long> ids, double dx, double dy) implements Preview {
    }

    record Resized(long id, float x1, float y1, float x2, float y2) implements Preview {
    }

    /** A rubber band selection rectangle, in image pixels. */
    record RubberBand(double x1, double y1, double x2, double y2) implements Preview {
    }
}
