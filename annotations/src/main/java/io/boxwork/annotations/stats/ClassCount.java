package io.boxwork.annotations.stats;

/**
 * How much of one class there is.
 *
 * @param boxes  its boxes
 * @param images images holding at least one of them
 */
public record ClassCount(int classId, String name, long boxes, long images) {
}
