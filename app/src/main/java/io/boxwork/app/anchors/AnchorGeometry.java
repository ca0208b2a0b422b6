package io.boxwork.app.anchors;

import io.boxwork.annotations.anchors.AnchorGrid;
import io.boxwork.annotations.anchors.AnchorSpec;
import io.boxwork.annotations.anchors.FeatureLevel;
import io.boxwork.annotations.anchors.FeatureMaps;
import io.boxwork.annotations.anchors.ResizedImage;
import io.boxwork.annotations.anchors.SettingsSpecs;
import io.boxwork.annotations.model.AnchorSettings;

import java.util.List;

/**
 * One image as the model sees it under some anchor settings: where it lands after resize and
 * padding, the feature levels, and each level's cell anchors. Cheap to build, so the overlay
 * follows every keystroke.
 */
public record AnchorGeometry(AnchorSettings settings, AnchorSpec spec, ResizedImage image, List<FeatureLevel> levels,
                             float[][] cellAnchors) {

    public AnchorGeometry {
        levels = List.copyOf(levels);
    }

    /** @throws io.boxwork.annotations.anchors.AnchorInputException when the settings fit no backbone */
    public static AnchorGeometry of(AnchorSettings settings, int imageWidth, int imageHeight) {
        AnchorSpec spec = SettingsSpecs.anchorSpec(settings);
        ResizedImage image = SettingsSpecs.resizeSpec(settings).resize(imageHeight, imageWidth);
        return new AnchorGeometry(settings, spec, image, FeatureMaps.levels(image, spec.levelCount()),
                AnchorGrid.cellAnchors(spec));
    }

    /** The grid cell whose anchors are centred nearest to model-input point (x, y), clamped to the grid. */
    public Cell cellAt(int level, double x, double y) {
        FeatureLevel l = levels.get(level);
        // torchvision centres a cell's anchors on the cell's top-left corner (col * stride, row * stride).
        int col = (int) Math.round(x / l.strideWidth());
        int row = (int) Math.round(y / l.strideHeight());
        return new Cell(Math.max(0, Math.min(l.gridHeight() - 1, row)), Math.max(0, Math.min(l.gridWidth() - 1, col)));
    }

    /** The anchors of one cell (every size x ratio), x1 y1 x2 y2 in model-input pixels. */
    public float[] anchorsAt(int level, Cell cell) {
        return AnchorGrid.anchorsAt(levels.get(level), cellAnchors[level], cell.row(), cell.col());
    }

    /** Sizes of one level in the order the cell anchors cycle through them. */
    public List<Integer> sizes(int level) {
        return settings.sizes().get(level);
    }

    public record Cell(int row, int col) {
    }
}
