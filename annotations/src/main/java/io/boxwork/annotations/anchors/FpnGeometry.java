package io.boxwork.annotations.anchors;

import java.util.ArrayList;
import java.util.List;

/**
 * Feature-map sizes of torchvision's ResNet + FPN backbone with its max-pool level, from the conv
 * arithmetic {@code floor((n + 2 pad - kernel) / stride) + 1} of each downsampling step.
 */
public final class FpnGeometry {
    private FpnGeometry() {
    }

    /** P2..P6 for a padded batch of {@code paddedHeight x paddedWidth}. */
    public static List<FeatureLevel> levels(int paddedHeight, int paddedWidth) {
        int[] h = chain(paddedHeight);
        int[] w = chain(paddedWidth);
        List<FeatureLevel> out = new ArrayList<>(5);
        for (int i = 0; i < 5; i++) {
            out.add(new FeatureLevel("P" + (i + 2), h[i], w[i], paddedHeight / h[i], paddedWidth / w[i]));
        }
        return out;
    }

    /** Levels for an image as the model sees it after resize and padding. */
    public static List<FeatureLevel> levels(ResizedImage image) {
        return levels(image.paddedHeight(), image.paddedWidth());
    }

    private static int[] chain(int n) {
        int stem = conv(n, 7, 2, 3);      // conv1
        int c2 = conv(stem, 3, 2, 1);     // maxpool; layer1 keeps the size
        int c3 = conv(c2, 3, 2, 1);       // layer2's first 3x3 conv (its 1x1 shortcut gives the same size)
        int c4 = conv(c3, 3, 2, 1);       // layer3
        int c5 = conv(c4, 3, 2, 1);       // layer4
        int p6 = conv(c5, 1, 2, 0);       // LastLevelMaxPool: max_pool2d(x, 1, 2, 0)
        return new int[] {c2, c3, c4, c5, p6};
    }

    private static int conv(int n, int kernel, int stride, int pad) {
        return Math.floorDiv(n + 2 * pad - kernel, stride) + 1;
    }
}
