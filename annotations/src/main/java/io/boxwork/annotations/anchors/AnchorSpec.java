package io.boxwork.annotations.anchors;

import java.util.Arrays;

/**
 * Anchor sizes and aspect ratios per feature level, as torchvision's {@code AnchorGenerator(sizes,
 * aspect_ratios)} takes them. An aspect ratio is height / width.
 */
public record AnchorSpec(double[][] sizes, double[][] aspectRatios) {

    public AnchorSpec {
        if (sizes.length == 0 || sizes.length != aspectRatios.length) {
            throw new AnchorInputException("anchor sizes give " + sizes.length + " levels but aspect ratios give "
                    + aspectRatios.length);
        }
        int perCell = -1;
        for (int l = 0; l < sizes.length; l++) {
            if (sizes[l].length == 0 || aspectRatios[l].length == 0) {
                throw new AnchorInputException("level " + l + " has no anchor size or no aspect ratio");
            }
            for (double s : sizes[l]) {
                if (!(s > 0)) {
                    throw new AnchorInputException("level " + l + " has anchor size " + s + "; sizes must be > 0");
                }
            }
            for (double r : aspectRatios[l]) {
                if (!(r > 0)) {
                    throw new AnchorInputException("level " + l + " has aspect ratio " + r + "; ratios must be > 0");
                }
            }
            int n = sizes[l].length * aspectRatios[l].length;
            // The RPN head predicts the same number of anchors at every location of every level.
            if (perCell >= 0 && n != perCell) {
                throw new AnchorInputException("level " + l + " has " + n + " anchors per location, level 0 has "
                        + perCell + "; the RPN head needs the same number on every level");
            }
            perCell = n;
        }
        sizes = deepCopy(sizes);
        aspectRatios = deepCopy(aspectRatios);
    }

    /** fasterrcnn_resnet50_fpn's anchors: sizes 32..512 on P2..P6, ratios 0.5, 1, 2 everywhere. */
    public static AnchorSpec torchvisionDefault() {
        return uniformRatios(new double[] {32, 64, 128, 256, 512}, new double[] {0.5, 1.0, 2.0});
    }

    /** One size per level and the same aspect ratios on every level. */
    public static AnchorSpec uniformRatios(double[] sizePerLevel, double[] ratios) {
        double[][] s = new double[sizePerLevel.length][];
        double[][] r = new double[sizePerLevel.length][];
        for (int l = 0; l < sizePerLevel.length; l++) {
            s[l] = new double[] {sizePerLevel[l]};
            r[l] = ratios.clone();
        }
        return new AnchorSpec(s, r);
    }

    public int levelCount() {
        return sizes.length;
    }

    public int anchorsPerLocation() {
        return sizes[0].length * aspectRatios[0].length;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnchorSpec other && Arrays.deepEquals(sizes, other.sizes)
                && Arrays.deepEquals(aspectRatios, other.aspectRatios);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(sizes) + Arrays.deepHashCode(aspectRatios);
    }

    @Override
    public String toString() {
        return "AnchorSpec[sizes=" + Arrays.deepToString(sizes) + ", aspectRatios=" + Arrays.deepToString(aspectRatios)
                + "]";
    }
}
