package io.boxwork.app.canvas;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.BoxSource;
import io.boxwork.annotations.model.ImageLabels;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Draws boxes in screen space, so lines stay one crisp width at any zoom. Boxes are grouped by
 * class (one stroke colour change per class) and boxes outside the view are skipped, which is
 * what keeps thousands of boxes within a frame.
 */
public final class BoxPainter {
    private static final Color UNKNOWN_CLASS = Color.gray(0.6);
    private static final double HANDLE = 7;
    /** Above this many boxes on screen, names are left out: they would cover the picture anyway. */
    private static final int MAX_NAMED = 200;
    private static final Font NAME_FONT = Font.font(11);
    private static final double NAME_HEIGHT = 13;

    /** Everything one frame needs, taken on the UI thread. */
    public record Frame(ImageLabels labels, Viewport viewport, double width, double height, Map<Integer, Color> colours,
                        Map<Integer, String> names, IntPredicate visible, Set<Long> selection, Preview preview) {
    }

    public void paint(GraphicsContext g, Frame f) {
        // Clearing the whole canvas also drops its queued commands, so the buffer never grows.
        g.clearRect(0, 0, f.width(), f.height());
        if (f.labels() == null) return;
        Viewport v = f.viewport();
        Map<Integer, List<Box>> byClass = new HashMap<>();
        List<Box> selected = new ArrayList<>();
        int onScreen = 0;
        for (Box raw : f.labels().boxes()) {
            if (!f.visible().test(raw.classId())) continue;
            Box b = previewed(raw, f.preview());
            double sx1 = v.screenX(b.x1()), sx2 = v.screenX(b.x2()), sy1 = v.screenY(b.y1()), sy2 = v.screenY(b.y2());
            if (sx2 < 0 || sy2 < 0 || sx1 > f.width() || sy1 > f.height()) continue;
            onScreen++;
            if (f.selection().contains(b.id())) selected.add(b);
            else byClass.computeIfAbsent(b.classId(), k -> new ArrayList<>()).add(b);
        }
        g.setLineWidth(2);
        g.setLineDashes();
        for (Map.Entry<Integer, List<Box>> e : byClass.entrySet()) {
            Color c = f.colours().getOrDefault(e.getKey(), UNKNOWN_CLASS);
            g.setStroke(c);
            g.setFill(c);
            for (Box b : e.getValue()) {
                if (b.source() == BoxSource.PREDICTED) {
                    g.setLineDashes(6, 4);
                    strokeBox(g, v, b);
                    g.setLineDashes();
                } else {
                    outlineBox(g, v, b);
                }
            }
        }
        if (onScreen <= MAX_NAMED) drawNames(g, f, byClass);
        for (Box b : selected) {
            Color c = f.colours().getOrDefault(b.classId(), UNKNOWN_CLASS);
            g.setFill(c.deriveColor(0, 1, 1, 0.25));
            g.fillRect(px(v.screenX(b.x1())), px(v.screenY(b.y1())),
                px(v.screenX(b.x2())) - px(v.screenX(b.x1())), px(v.screenY(b.y2())) - px(v.screenY(b.y1())));
            g.setStroke(c);
            g.setLineWidth(3);
            strokeBox(g, v, b);
            g.setLineWidth(2);
        }
        if (selected.size() <= 50) for (Box b : selected) drawHandles(g, v, b);
        drawPreviewShape(g, v, f.preview(), f.colours());
    }

    private static Box previewed(Box b, Preview p) {
        if (p instanceof Preview.Moved m && m.ids().contains(b.id())) return b.translated((float) m.dx(), (float) m.dy());
        if (p instanceof Preview.Resized r && r.id() == b.id()) {
            return b.withCoords(Math.min(r.x1(), r.x2()), Math.min(r.y1(), r.y2()), Math.max(r.x1(), r.x2()), Math.max(r.y1(), r.y2()));
        }
        return b;
    }

    /**
     * A 2-px outline as four filled rectangles: axis-aligned fills take the renderers' fast path,
     * strokes go through the general path stroker (about ten times slower in the software pipeline).
     */
    private static void outlineBox(GraphicsContext g, Viewport v, Box b) {
        double x1 = px(v.screenX(b.x1())) - 1, y1 = px(v.screenY(b.y1())) - 1;
        double x2 = px(v.screenX(b.x2())) + 1, y2 = px(v.screenY(b.y2())) + 1;
        double w = x2 - x1, h = y2 - y1;
        g.fillRect(x1, y1, w, 2);
        g.fillRect(x1, y2 - 2, w, 2);
        g.fillRect(x1, y1 + 2, 2, h - 4);
        g.fillRect(x2 - 2, y1 + 2, 2, h - 4);
    }

    private static void strokeBox(GraphicsContext g, Viewport v, Box b) {
        double x1 = px(v.screenX(b.x1())), y1 = px(v.screenY(b.y1()));
        g.strokeRect(x1, y1, px(v.screenX(b.x2())) - x1, px(v.screenY(b.y2())) - y1);
    }

    private static void drawHandles(GraphicsContext g, Viewport v, Box b) {
        g.setLineWidth(1);
        g.setStroke(Color.BLACK);
        g.setFill(Color.WHITE);
        for (Handle h : Handle.values()) {
            double x = Math.round(v.screenX(h.x(b))) - HANDLE / 2 + 0.5, y = Math.round(v.screenY(h.y(b))) - HANDLE / 2 + 0.5;
            g.fillRect(x, y, HANDLE, HANDLE);
            g.strokeRect(x, y, HANDLE, HANDLE);
        }
        g.setLineWidth(2);
    }

    private static void drawNames(GraphicsContext g, Frame f, Map<Integer, List<Box>> byClass) {
        g.setFont(NAME_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        Viewport v = f.viewport();
        for (Map.Entry<Integer, List<Box>> e : byClass.entrySet()) {
            String name = f.names().getOrDefault(e.getKey(), "class " + e.getKey());
            g.setFill(f.colours().getOrDefault(e.getKey(), UNKNOWN_CLASS));
            for (Box b : e.getValue()) {
                if ((b.x2() - b.x1()) * v.zoom() < 30) continue;
                String text = b.score() == null ? name : name + String.format(" %.2f", b.score());
                double top = px(v.screenY(b.y1()));
                // Above the box when there is room, else just inside its top edge.
                double baseline = top - 2 >= NAME_HEIGHT ? top - 2 : top + NAME_HEIGHT + 2;
                g.fillText(text, px(v.screenX(b.x1())) + 2, baseline);
            }
        }
    }

    private static void drawPreviewShape(GraphicsContext g, Viewport v, Preview p, Map<Integer, Color> colours) {
        if (p instanceof Preview.NewBox n) {
            g.setStroke(Color.WHITE);
            g.setLineWidth(2);
            g.setLineDashes(5, 5);
            strokeRect(g, v, n.x1(), n.y1(), n.x2(), n.y2());
            g.setLineDashes();
        } else if (p instanceof Preview.RubberBand r) {
            g.setFill(Color.rgb(80, 160, 255, 0.15));
            double x1 = px(v.screenX(Math.min(r.x1(), r.x2()))), y1 = px(v.screenY(Math.min(r.y1(), r.y2())));
            double x2 = px(v.screenX(Math.max(r.x1(), r.x2()))), y2 = px(v.screenY(Math.max(r.y1(), r.y2())));
            g.fillRect(x1, y1, x2 - x1, y2 - y1);
            g.setStroke(Color.rgb(80, 160, 255));
            g.setLineWidth(1);
            g.strokeRect(x1 + 0.5, y1 + 0.5, x2 - x1, y2 - y1);
            g.setLineWidth(2);
        }
    }

    private static void strokeRect(GraphicsContext g, Viewport v, double ax, double ay, double bx, double by) {
        double x1 = px(v.screenX(Math.min(ax, bx))), y1 = px(v.screenY(Math.min(ay, by)));
        double x2 = px(v.screenX(Math.max(ax, bx))), y2 = px(v.screenY(Math.max(ay, by)));
        g.strokeRect(x1, y1, x2 - x1, y2 - y1);
    }

    /** A 2-px line centred on a whole pixel boundary covers exactly two pixel rows: crisp, never blurred. */
    private static double px(double screen) {
        return Math.round(screen);
    }
}
