package io.boxwork.annotations.geometry;

/** Raised when plain box arrays do not describe the same number of boxes or hold an invalid value. */
public final class BoxArrayException extends IllegalArgumentException {
    public BoxArrayException(String message) {
        super(message);
    }

    static int boxCount(String name, float[] boxes) {
        if (boxes == null) {
            throw new BoxArrayException(name + " is null");
        }
        if (boxes.length % 4 != 0) {
            throw new BoxArrayException(name + " has " + boxes.length
                    + " values, not a multiple of 4 (x1, y1, x2, y2 per box)");
        }
        return boxes.length / 4;
    }

    static void sameLength(String name, int actual, int boxCount) {
        if (actual != boxCount) {
            throw new BoxArrayException(name + " has " + actual + " entries but there are " + boxCount + " boxes");
        }
    }
}
