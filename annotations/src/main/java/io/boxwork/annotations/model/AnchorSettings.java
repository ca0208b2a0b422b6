package io.boxwork.annotations.model;

import java.util.List;

/**
 * The anchors and image sizes the detector trains with; the anchor viewer edits exactly this
 * object and the engine reads it, so what a person sees is what trains.
 *
 * @param sizes        anchor sizes per feature level, finest first (torchvision: 32, 64, 128, 256, 512)
 * @param aspectRatios height / width ratios used at every level
 * @param minSize      the transform's short-side target
 * @param maxSize      the transform's long-side cap
 */
public record AnchorSettings(List<List<Integer>> sizes, List<Double> aspectRatios, int minSize, int maxSize) {

    public AnchorSettings {
        if (sizes == null || sizes.isEmpty()) throw new IllegalArgumentException("anchor sizes need at least one level");
        for (List<Integer> level : sizes) {
            if (level.isEmpty()) throw new IllegalArgumentException("every anchor level needs at least one size");
            for (int s : level) if (s <= 0) throw new IllegalArgumentException("anchor sizes must be positive, was " + s);
        }
        if (aspectRatios == null || aspectRatios.isEmpty()) throw new IllegalArgumentException("at least one aspect ratio is needed");
        for (double r : aspectRatios) if (!(r > 0)) throw new IllegalArgumentException("aspect ratios must be positive, was " + r);
        if (minSize <= 0 || maxSize < minSize) {
            throw new IllegalArgumentException("need 0 < min size <= max size, were " + minSize + " and " + maxSize);
        }
        sizes = sizes.stream().map(List::copyOf).toList();
        aspectRatios = List.copyOf(aspectRatios);
    }

    /** torchvision's {@code fasterrcnn_resnet50_fpn} defaults. */
    public static AnchorSettings torchvisionDefaults() {
        return new AnchorSettings(List.of(List.of(32), List.of(64), List.of(128), List.of(256), List.of(512)),
            List.of(0.5, 1.0, 2.0), 800, 1333);
    }
}
