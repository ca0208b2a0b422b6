package io.boxwork.annotations.anchors;

import java.util.List;

/**
 * Finds, for boxes of one image, the anchor with the highest IoU without scanning every anchor.
 *
 * <p>For one cell-anchor shape, moving it across the grid changes the x and y overlaps
 * independently, and each overlap is a concave function of the shift that peaks where the centres
 * align. IoU grows with the intersection, so the best cell is the grid point nearest that peak on
 * each axis (clamped to the grid): a 5 x 5 window around the aligned cell always contains it.
 */
final class BestAnchorFinder {
    private static final int WINDOW = 2;

    private final List<FeatureLevel> levels;
    private final float[][] cellAnchors;

    BestAnchorFinder(AnchorSpec spec, ResizedImage image) {
        this.levels = FpnGeometry.levels(image);
        if (levels.size() != spec.levelCount()) {
            throw new AnchorInputException("anchor settings have " + spec.levelCount() + " levels but the FPN has "
                    + levels.size());
        }
        this.cellAnchors = AnchorGrid.cellAnchors(spec);
    }

    /** Best match of a box given in model-input pixels (x1, y1, x2, y2). */
    Match best(float[] box) {
        double bx1 = box[0];
        double by1 = box[1];
        double bx2 = box[2];
        double by2 = box[3];
        double boxArea = (bx2 - bx1) * (by2 - by1);
        double cx = (bx1 + bx2) / 2;
        double cy = (by1 + by2) / 2;
        Match best = new Match(-1, 0, 0, 0, 0, 0, 0, 0, 0);
        for (int l = 0; l < levels.size(); l++) {
            FeatureLevel level = levels.get(l);
            float[] cells = cellAnchors[l];
            for (int a = 0; a < cells.length; a += 4) {
                float ax1 = cells[a];
                float ay1 = cells[a + 1];
                float ax2 = cells[a + 2];
                float ay2 = cells[a + 3];
                int col0 = (int) Math.round((cx - (ax1 + ax2) / 2.0) / level.strideWidth());
                int row0 = (int) Math.round((cy - (ay1 + ay2) / 2.0) / level.strideHeight());
                int colLo = clamp(col0 - WINDOW, level.gridWidth());
                int colHi = clamp(col0 + WINDOW, level.gridWidth());
                int rowLo = clamp(row0 - WINDOW, level.gridHeight());
                int rowHi = clamp(row0 + WINDOW, level.gridHeight());
                for (int row = rowLo; row <= rowHi; row++) {
                    float sy = (float) (row * level.strideHeight());
                    double y1 = sy + ay1;
                    double y2 = sy + ay2;
                    double h = Math.min(by2, y2) - Math.max(by1, y1);
                    for (int col = colLo; col <= colHi; col++) {
                        float sx = (float) (col * level.strideWidth());
                        double x1 = sx + ax1;
                        double x2 = sx + ax2;
                        double w = Math.min(bx2, x2) - Math.max(bx1, x1);
                        double inter = w > 0 && h > 0 ? w * h : 0;
                        double iou = inter / (boxArea + (x2 - x1) * (y2 - y1) - inter);
                        if (iou > best.iou) {
                            best = new Match(iou, l, row, col, a / 4, x1, y1, x2, y2);
                        }
                    }
                }
            }
        }
        return best;
    }

    String levelName(int level) {
        return levels.get(level).name();
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }

    /** The winning anchor, in model-input pixels. */
    record Match(double iou, int level, int row, int col, int cellAnchor, double x1, double y1, double x2,
                 double y2) {
    }
}
