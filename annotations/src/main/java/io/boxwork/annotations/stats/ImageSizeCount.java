package io.boxwork.annotations.stats;

/** How many images have one width x height. */
public record ImageSizeCount(int width, int height, long images) {
}
