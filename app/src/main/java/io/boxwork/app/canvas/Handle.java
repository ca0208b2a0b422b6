package io.boxwork.app.canvas;

import io.boxwork.annotations.model.Box;

/** The eight resize handles of a box: which edges each one drags. */
public enum Handle {
    NW(-1, -1), N(0, -1), NE(1, -1), E(1, 0), SE(1, 1), S(0, 1), SW(-1, 1), W(-1, 0);

    /** -1 drags the left (top) edge, 1 the right (bottom) edge, 0 neither. */
    private final int sx;
    private final int sy;

    Handle(int sx, int sy) {
        this.sx = sx;
        this.sy = sy;
    }

    public double x(Box b) {
        return sx < 0 ? b.x1() : sx > 0 ? b.x2() : (b.x1() + b.x2()) / 2.0;
    }

    public double y(Box b) {
        return sy < 0 ? b.y1() : sy > 0 ? b.y2() : (b.y1() + b.y2()) / 2.0;
    }

    /** Corners after dragging this handle by (dx, dy) image pixels; may be flipped, {@code Edits.resize} normalises. */
    public float[] drag(Box b, double dx, double dy) {
        float x1 = b.x1(), y1 = b.y1(), x2 = b.x2(), y2 = b.y2();
        if (sx < 0) x1 += (float) dx;
        if (sx > 0) x2 += (float) dx;
        if (sy < 0) y1 += (float) dy;
        if (sy > 0) y2 += (float) dy;
        return new float[] {x1, y1, x2, y2};
    }

    public String cursorName() {
        return switch (this) {
            case NW, SE -> "NW_RESIZE";
            case NE, SW -> "NE_RESIZE";
            case N, S -> "V_RESIZE";
            case E, W -> "H_RESIZE";
        };
    }
}
