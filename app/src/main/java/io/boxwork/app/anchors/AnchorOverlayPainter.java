package io.boxwork.app.anchors;

import io.boxwork.annotations.anchors.BoxCoverage;
import io.boxwork.annotations.anchors.FeatureLevel;
import io.boxwork.annotations.anchors.Rect;
import io.boxwork.annotations.anchors.ResizedImage;
import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.BoxSource;
import io.boxwork.app.canvas.Viewport;
import io.boxwork.app.images.OrientedPlacement;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws the model's view of an image on a canvas: the resized picture, the padding up to a
 * multiple of 32, the labelled boxes, one level's anchor centres, every anchor of the cell under the
 * mouse (one colour per aspect ratio), optionally every anchor of one size, and a highlighted box
 * with its best anchor. The viewport maps model-input pixels to the screen.
 */
public final class AnchorOverlayPainter {
    /** One colour per aspect ratio, cycling. */
    static final Color[] RATIO_COLOURS = {
        Color.web("#ffd54f"), Color.web("#4fc3f7"), Color.web("#f06292"), Color.web("#aed581"),
        Color.web("#ba68c8"), Color.web("#ff8a65"), Color.web("#e0e0e0")};
    /** Beyond this many centres or whole-image anchors a frame draws every k-th row and column, so it stays fast. */
    static final int MAX_POINTS = 20_000;
    static final int MAX_WHOLE_ANCHORS = 6_000;
    private static final Color BACKGROUND = Color.web("#202124");
    private static final Color PADDING = Color.web("#3b3f46");
    private static final Color PADDING_HATCH = Color.web("#50555e");
    private static final Color POINT = Color.web("#00e5ff", 0.8);

    private AnchorOverlayPainter() {
    }

    public static OverlayFrame paint(GraphicsContext gc, double width, double height, Viewport v, OverlayState s) {
        gc.setTransform(1, 0, 0, 1, 0, 0);
        gc.setGlobalAlpha(1);
        gc.setFill(BACKGROUND);
        gc.fillRect(0, 0, width, height);
        AnchorGeometry g = s.geometry();
        if (g == null) return OverlayFrame.EMPTY;
        ResizedImage img = g.image();
        drawPadding(gc, v, img);
        drawPicture(gc, v, s, img);
        drawLabels(gc, v, s, img);
        FeatureLevel level = g.levels().get(Math.min(s.level(), g.levels().size() - 1));
        int levelIndex = g.levels().indexOf(level);
        int whole = s.wholeImageSize() == null ? 0 : drawWholeImage(gc, v, g, levelIndex, level, s.wholeImageSize());
        int[] points = drawCentres(gc, v, level);
        AnchorGeometry.Cell cell = s.hover();
        boolean onGrid = cell != null && cell.row() < level.gridHeight() && cell.col() < level.gridWidth();
        List<Rect> hover = onGrid ? drawCell(gc, v, g, levelIndex, level, cell) : List.of();
        if (s.highlight() != null) drawHighlight(gc, v, img, s.highlight());
        drawCaptions(gc, v, img, level, points[1]);
        return new OverlayFrame(hover, points[0], points[1], whole);
    }

    private static void drawPadding(GraphicsContext gc, Viewport v, ResizedImage img) {
        double x0 = v.screenX(0), y0 = v.screenY(0);
        double x1 = v.screenX(img.paddedWidth()), y1 = v.screenY(img.paddedHeight());
        gc.setFill(PADDING);
        gc.fillRect(x0, y0, x1 - x0, y1 - y0);
        // Hatching tells padding from a dark picture.
        gc.save();
        gc.beginPath();
        gc.rect(x0, y0, x1 - x0, y1 - y0);
        gc.clip();
        gc.setStroke(PADDING_HATCH);
        gc.setLineWidth(1);
        for (double d = -(y1 - y0); d < x1 - x0; d += 10) {
            gc.strokeLine(x0 + d, y1, x0 + d + (y1 - y0), y0);
        }
        gc.restore();
    }

    private static void drawPicture(GraphicsContext gc, Viewport v, OverlayState s, ResizedImage img) {
        double sx = v.zoom() * img.ratioWidth();
        double sy = v.zoom() * img.ratioHeight();
        if (s.picture() != null) {
            OrientedPlacement p = s.picture().placement();
            gc.save();
            gc.setTransform(sx * p.mxx(), sy * p.myx(), sx * p.mxy(), sy * p.myy(), sx * p.tx() + v.offsetX(), sy * p.ty() + v.offsetY());
            gc.drawImage(s.picture().image(), 0, 0);
            gc.restore();
        } else {
            gc.setFill(Color.web("#2d2f33"));
            gc.fillRect(v.screenX(0), v.screenY(0), img.width() * v.zoom(), img.height() * v.zoom());
        }
        gc.setStroke(Color.WHITE);
        gc.setLineWidth(1);
        gc.strokeRect(v.screenX(0), v.screenY(0), img.width() * v.zoom(), img.height() * v.zoom());
    }

    private static void drawLabels(GraphicsContext gc, Viewport v, OverlayState s, ResizedImage img) {
        if (s.labels() == null) return;
        gc.setLineWidth(1.5);
        for (Box b : s.labels().boxes()) {
            if (b.source() != BoxSource.MANUAL) continue;
            gc.setStroke(Color.web(s.classColour().apply(b.classId())));
            strokeModel(gc, v, b.x1() * img.ratioWidth(), b.y1() * img.ratioHeight(), b.x2() * img.ratioWidth(), b.y2() * img.ratioHeight());
        }
    }

    /** @return {drawn, step} */
    private static int[] drawCentres(GraphicsContext gc, Viewport v, FeatureLevel level) {
        long cells = (long) level.gridHeight() * level.gridWidth();
        int step = 1;
        while (cells / ((long) step * step) > MAX_POINTS) step++;
        double spacing = Math.min(level.strideWidth(), level.strideHeight()) * v.zoom() * step;
        double r = Math.max(1, Math.min(3, spacing / 5));
        gc.setFill(POINT);
        int drawn = 0;
        for (int row = 0; row < level.gridHeight(); row += step) {
            double y = v.screenY(row * (double) level.strideHeight());
            for (int col = 0; col < level.gridWidth(); col += step) {
                double x = v.screenX(col * (double) level.strideWidth());
                gc.fillRect(x - r / 2, y - r / 2, r, r);
                drawn++;
            }
        }
        return new int[] {drawn, step};
    }

    private static int drawWholeImage(GraphicsContext gc, Viewport v, AnchorGeometry g, int levelIndex, FeatureLevel level, int size) {
        List<Integer> sizes = g.sizes(levelIndex);
        int sizeIndex = sizes.indexOf(size);
        if (sizeIndex < 0) return 0;
        float[] cell = g.cellAnchors()[levelIndex];
        int ratios = cell.length / 4 / sizes.size();
        long cells = (long) level.gridHeight() * level.gridWidth();
        int step = 1;
        while (cells * ratios / ((long) step * step) > MAX_WHOLE_ANCHORS) step++;
        gc.setLineWidth(1);
        int drawn = 0;
        for (int r = 0; r < ratios; r++) {
            Color c = RATIO_COLOURS[r % RATIO_COLOURS.length];
            gc.setStroke(Color.color(c.getRed(), c.getGreen(), c.getBlue(), 0.22));
            int a = 4 * (r * sizes.size() + sizeIndex);
            for (int row = 0; row < level.gridHeight(); row += step) {
                double sy = row * (double) level.strideHeight();
                for (int col = 0; col < level.gridWidth(); col += step) {
                    double sx = col * (double) level.strideWidth();
                    strokeModel(gc, v, sx + cell[a], sy + cell[a + 1], sx + cell[a + 2], sy + cell[a + 3]);
                    drawn++;
                }
            }
        }
        return drawn;
    }

    private static List<Rect> drawCell(GraphicsContext gc, Viewport v, AnchorGeometry g, int levelIndex, FeatureLevel level, AnchorGeometry.Cell cell) {
        float[] anchors = g.anchorsAt(levelIndex, cell);
        int sizes = g.sizes(levelIndex).size();
        List<Rect> out = new ArrayList<>();
        gc.setLineWidth(2);
        gc.setLineCap(StrokeLineCap.SQUARE);
        for (int a = 0; a < anchors.length; a += 4) {
            int ratio = (a / 4) / sizes;
            gc.setStroke(RATIO_COLOURS[ratio % RATIO_COLOURS.length]);
            strokeModel(gc, v, anchors[a], anchors[a + 1], anchors[a + 2], anchors[a + 3]);
            out.add(new Rect(anchors[a], anchors[a + 1], anchors[a + 2], anchors[a + 3]));
        }
        double cx = v.screenX(cell.col() * (double) level.strideWidth());
        double cy = v.screenY(cell.row() * (double) level.strideHeight());
        gc.setFill(Color.WHITE);
        gc.fillOval(cx - 4, cy - 4, 8, 8);
        // The cell's extent: the stride around its centre.
        gc.setStroke(Color.WHITE);
        gc.setLineWidth(1);
        double hw = level.strideWidth() * v.zoom() / 2, hh = level.strideHeight() * v.zoom() / 2;
        gc.strokeRect(cx - hw, cy - hh, 2 * hw, 2 * hh);
        return out;
    }

    private static void drawHighlight(GraphicsContext gc, Viewport v, ResizedImage img, BoxCoverage h) {
        Rect b = h.box(), a = h.bestAnchor();
        gc.setLineWidth(3);
        gc.setStroke(Color.web("#ff1744"));
        strokeModel(gc, v, b.x1() * img.ratioWidth(), b.y1() * img.ratioHeight(), b.x2() * img.ratioWidth(), b.y2() * img.ratioHeight());
        gc.setLineWidth(2);
        gc.setLineDashes(6, 4);
        gc.setStroke(Color.web("#ffea00"));
        strokeModel(gc, v, a.x1() * img.ratioWidth(), a.y1() * img.ratioHeight(), a.x2() * img.ratioWidth(), a.y2() * img.ratioHeight());
        gc.setLineDashes((double[]) null);
        gc.setFill(Color.web("#ff1744"));
        gc.setFont(Font.font(12));
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.BOTTOM);
        gc.fillText(String.format("best IoU %.2f (%s)", h.bestIou(), h.level()), v.screenX(b.x1() * img.ratioWidth()), v.screenY(b.y1() * img.ratioHeight()) - 3);
    }

    private static void drawCaptions(GraphicsContext gc, Viewport v, ResizedImage img, FeatureLevel level, int step) {
        gc.setFont(Font.font(12));
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        String resized = String.format("resized %d×%d (×%.3f) · padded to %d×%d", img.width(), img.height(), img.ratioWidth(),
            img.paddedWidth(), img.paddedHeight());
        String grid = String.format("%s: %d×%d cells, stride %d×%d%s", level.name(), level.gridWidth(), level.gridHeight(),
            level.strideWidth(), level.strideHeight(), step > 1 ? " (centres of 1 in " + step + " rows and columns shown)" : "");
        double x = v.screenX(0) + 4, y = Math.max(2, v.screenY(0) + 4);
        label(gc, resized, x, y);
        label(gc, grid, x, y + 17);
        if (img.paddedWidth() > img.width() || img.paddedHeight() > img.height()) {
            gc.setTextBaseline(VPos.BOTTOM);
            gc.setTextAlign(TextAlignment.RIGHT);
            label(gc, "padding", v.screenX(img.paddedWidth()) - 4, v.screenY(img.paddedHeight()) - 2);
            gc.setTextAlign(TextAlignment.LEFT);
        }
    }

    private static void label(GraphicsContext gc, String text, double x, double y) {
        gc.setFill(Color.color(0, 0, 0, 0.6));
        double w = text.length() * 6.6 + 6;
        double left = gc.getTextAlign() == TextAlignment.RIGHT ? x - w + 3 : x - 3;
        double top = gc.getTextBaseline() == VPos.BOTTOM ? y - 16 : y - 1;
        gc.fillRect(left, top, w, 17);
        gc.setFill(Color.WHITE);
        gc.fillText(text, x, y);
    }

    private static void strokeModel(GraphicsContext gc, Viewport v, double x1, double y1, double x2, double y2) {
        gc.strokeRect(v.screenX(x1), v.screenY(y1), (x2 - x1) * v.zoom(), (y2 - y1) * v.zoom());
    }
}
