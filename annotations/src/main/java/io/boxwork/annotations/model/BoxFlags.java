package io.boxwork.annotations.model;

/**
 * What Pascal VOC says of an object beyond its box, kept so that a VOC dataset goes through a
 * project and back unchanged.
 *
 * @param difficult hard to recognise; VOC's evaluation neither rewards nor punishes detecting it
 * @param truncated the object continues outside the image
 */
public record BoxFlags(boolean difficult, boolean truncated) {
    public static final BoxFlags NONE = new BoxFlags(false, false);

    public static BoxFlags of(boolean difficult, boolean truncated) {
        return difficult || truncated ? new BoxFlags(difficult, truncated) : NONE;
    }

    public boolean any() {
        return difficult || truncated;
    }
}
