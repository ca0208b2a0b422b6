package io.boxwork.annotations.model;

/**
 * An axis-aligned box in image pixels (x1, y1 top-left; x2, y2 bottom-right, continuous
 * coordinates as torchvision uses them: width = x2 - x1).
 *
 * @param id      stable within its image; survives moves, relabels, undo and redo
 * @param classId the {@link LabelClass#id()} it belongs to
 * @param score   the detector's score for predicted boxes, {@code null} for manual ones
 * @param flags   VOC's difficult / truncated marks, carried through every edit
 */
public record Box(long id, int classId, float x1, float y1, float x2, float y2, BoxSource source, Float score,
                  BoxFlags flags) {

    public Box {
        if (!(Float.isFinite(x1) && Float.isFinite(y1) && Float.isFinite(x2) && Float.isFinite(y2))) {
            throw new IllegalArgumentException("box " + id + " has a non-finite coordinate");
        }
        if (x2 < x1 || y2 < y1) {
            throw new IllegalArgumentException("box " + id + " has x2 < x1 or y2 < y1: "
                + x1 + "," + y1 + "," + x2 + "," + y2);
        }
        if (source == null) source = BoxSource.MANUAL;
        if (source == BoxSource.MANUAL) score = null;
        if (flags == null) flags = BoxFlags.NONE;
    }

    public Box(long id, int classId, float x1, float y1, float x2, float y2, BoxSource source, Float score) {
        this(id, classId, x1, y1, x2, y2, source, score, BoxFlags.NONE);
    }

    public static Box manual(long id, int classId, float x1, float y1, float x2, float y2) {
        return new Box(id, classId, x1, y1, x2, y2, BoxSource.MANUAL, null);
    }

    public static Box predicted(long id, int classId, float x1, float y1, float x2, float y2, float score) {
        return new Box(id, classId, x1, y1, x2, y2, BoxSource.PREDICTED, score);
    }

    public float width() {
        return x2 - x1;
    }

    public float height() {
        return y2 - y1;
    }

    public float area() {
        return width() * height();
    }

    public boolean hasArea() {
        return x2 > x1 && y2 > y1;
    }

    public Box withCoords(float nx1, float ny1, float nx2, float ny2) {
        return new Box(id, classId, nx1, ny1, nx2, ny2, source, score, flags);
    }

    public Box withClass(int newClassId) {
        return new Box(id, newClassId, x1, y1, x2, y2, source, score, flags);
    }

    public Box withId(long newId) {
        return new Box(newId, classId, x1, y1, x2, y2, source, score, flags);
    }

    public Box translated(float dx, float dy) {
        return withCoords(x1 + dx, y1 + dy, x2 + dx, y2 + dy);
    }

    /** A person confirmed a predicted box: it becomes theirs and loses its score. */
    public Box confirmed() {
        return new Box(id, classId, x1, y1, x2, y2, BoxSource.MANUAL, null, flags);
    }

    public Box withFlags(BoxFlags newFlags) {
        return new Box(id, classId, x1, y1, x2, y2, source, score, newFlags);
    }

    /** This box clipped to a width x height image; may have no area afterwards. */
    public Box clippedTo(int width, int height) {
        return withCoords(clamp(x1, width), clamp(y1, height), clamp(x2, width), clamp(y2, height));
    }

    public boolean insideImage(int width, int height) {
        return x1 >= 0 && y1 >= 0 && x2 <= width && y2 <= height;
    }

    private static float clamp(float v, int max) {
        return Math.max(0f, Math.min(max, v));
    }
}
