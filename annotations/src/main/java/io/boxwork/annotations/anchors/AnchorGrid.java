package io.boxwork.annotations.anchors;

/**
 * torchvision's {@code AnchorGenerator} in float32: zero-centred cell anchors rounded half-to-even,
 * shifted by {@code (col * strideW, row * strideH)}; a level lists its anchors row by row, column by
 * column, cell anchor by cell anchor, and levels follow each other, as {@code torch.cat} gives them.
 */
public final class AnchorGrid {
    private AnchorGrid() {
    }

    /**
     * {@code generate_anchors(scales, aspect_ratios)}: ratio-major, scale-minor, each
     * {@code x1, y1, x2, y2} around (0, 0).
     */
    public static float[] cellAnchors(double[] sizes, double[] aspectRatios) {
        float[] out = new float[4 * sizes.length * aspectRatios.length];
        int o = 0;
        for (double ratio : aspectRatios) {
            float hRatio = (float) Math.sqrt((float) ratio);
            float wRatio = 1f / hRatio;
            for (double size : sizes) {
                float ws = wRatio * (float) size;
                float hs = hRatio * (float) size;
                out[o++] = (float) Math.rint(-ws / 2f);
                out[o++] = (float) Math.rint(-hs / 2f);
                out[o++] = (float) Math.rint(ws / 2f);
                out[o++] = (float) Math.rint(hs / 2f);
            }
        }
        return out;
    }

    /** Cell anchors of every level of {@code spec}. */
    public static float[][] cellAnchors(AnchorSpec spec) {
        float[][] out = new float[spec.levelCount()][];
        for (int l = 0; l < out.length; l++) {
            out[l] = cellAnchors(spec.sizes()[l], spec.aspectRatios()[l]);
        }
        return out;
    }

    /** The anchors of one grid cell, in model-input pixels. */
    public static float[] anchorsAt(FeatureLevel level, float[] cellAnchors, int row, int col) {
        if (row < 0 || row >= level.gridHeight() || col < 0 || col >= level.gridWidth()) {
            throw new AnchorInputException("cell (" + row + ", " + col + ") is outside " + level.name() + "'s "
                    + level.gridHeight() + "x" + level.gridWidth() + " grid");
        }
        float[] out = new float[cellAnchors.length];
        float sx = (float) (col * level.strideWidth());
        float sy = (float) (row * level.strideHeight());
        for (int o = 0; o < cellAnchors.length; o += 4) {
            out[o] = sx + cellAnchors[o];
            out[o + 1] = sy + cellAnchors[o + 1];
            out[o + 2] = sx + cellAnchors[o + 2];
            out[o + 3] = sy + cellAnchors[o + 3];
        }
        return out;
    }

    /** Every anchor of one level. */
    public static float[] levelAnchors(FeatureLevel level, float[] cellAnchors) {
        int a = cellAnchors.length;
        float[] out = new float[level.cellCount() * a];
        int o = 0;
        for (int row = 0; row < level.gridHeight(); row++) {
            float sy = (float) (row * level.strideHeight());
            for (int col = 0; col < level.gridWidth(); col++) {
                float sx = (float) (col * level.strideWidth());
                for (int c = 0; c < a; c += 4) {
                    out[o++] = sx + cellAnchors[c];
                    out[o++] = sy + cellAnchors[c + 1];
                    out[o++] = sx + cellAnchors[c + 2];
                    out[o++] = sy + cellAnchors[c + 3];
                }
            }
        }
        return out;
    }

    /** Every anchor of an image, levels concatenated: what the RPN matches ground truth against. */
    public static float[] imageAnchors(AnchorSpec spec, ResizedImage image) {
        var levels = FpnGeometry.levels(image);
        if (levels.size() != spec.levelCount()) {
            throw new AnchorInputException("anchor settings have " + spec.levelCount() + " levels but the FPN has "
                    + levels.size());
        }
        float[][] cells = cellAnchors(spec);
        int total = 0;
        for (int l = 0; l < levels.size(); l++) {
            total += levels.get(l).cellCount() * cells[l].length;
        }
        float[] out = new float[total];
        int o = 0;
        for (int l = 0; l < levels.size(); l++) {
            float[] level = levelAnchors(levels.get(l), cells[l]);
            System.arraycopy(level, 0, out, o, level.length);
            o += level.length;
        }
        return out;
    }
}
