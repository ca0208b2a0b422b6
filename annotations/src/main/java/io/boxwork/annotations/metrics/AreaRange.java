package io.boxwork.annotations.metrics;

/** An object-size bucket of COCO evaluation; an object is outside when its area is below min or above max. */
public record AreaRange(String label, double min, double max) {
    boolean excludes(double area) {
        return area < min || area > max;
    }
}
