package io.boxwork.annotations.anchors;

import io.boxwork.annotations.model.AnchorSettings;

/**
 * The project's {@link AnchorSettings} (what boxwork.json stores and training reads) as the anchor
 * maths' specs: the same aspect ratios on every level, and the transform's padding to 32.
 */
public final class SettingsSpecs {
    /** GeneralizedRCNNTransform's {@code size_divisible}. */
    public static final int SIZE_DIVISIBLE = 32;

    private SettingsSpecs() {
    }

    public static AnchorSpec anchorSpec(AnchorSettings settings) {
        int levels = settings.sizes().size();
        double[][] sizes = new double[levels][];
        double[][] ratios = new double[levels][];
        double[] r = settings.aspectRatios().stream().mapToDouble(Double::doubleValue).toArray();
        for (int l = 0; l < levels; l++) {
            sizes[l] = settings.sizes().get(l).stream().mapToDouble(Integer::doubleValue).toArray();
            ratios[l] = r.clone();
        }
        return new AnchorSpec(sizes, ratios);
    }

    public static ResizeSpec resizeSpec(AnchorSettings settings) {
        return new ResizeSpec(settings.minSize(), settings.maxSize(), SIZE_DIVISIBLE);
    }
}
