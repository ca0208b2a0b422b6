package io.boxwork.annotations.anchors;

import java.util.List;

/**
 * The feature maps anchors are laid on, chosen by how many anchor levels the settings give: five
 * means the FPN's P2..P6, one means a backbone without FPN whose single map is ResNet's layer4
 * (stride 32, the size P5 has), as in the torchvision tutorial's custom backbone.
 */
public final class FeatureMaps {
    /** Anchor levels of the ResNet + FPN backbone (P2..P6). */
    public static final int FPN_LEVELS = 5;

    private FeatureMaps() {
    }

    public static List<FeatureLevel> levels(ResizedImage image, int anchorLevels) {
        List<FeatureLevel> fpn = FpnGeometry.levels(image);
        if (anchorLevels == fpn.size()) {
            return fpn;
        }
        if (anchorLevels == 1) {
            FeatureLevel p5 = fpn.get(3);
            return List.of(new FeatureLevel("C5", p5.gridHeight(), p5.gridWidth(), p5.strideHeight(),
                    p5.strideWidth()));
        }
        throw new AnchorInputException("anchor settings have " + anchorLevels + " levels; the backbone gives "
                + fpn.size() + " maps with FPN or 1 without");
    }
}
