package io.boxwork.app.review;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.BoxSource;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.app.canvas.Viewport;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.util.Map;

/**
 * Draws what the sliders leave on one image over its labels: true positives green, false
 * positives red, missed labels orange and dashed, found labels thin in their class colour,
 * accepted-but-unconfirmed predictions dashed in their class colour. Screen-space strokes, one
 * colour change per group, so 2,000 candidates redraw well inside a frame.
 */
public final class PredictionOverlay {
    public static final Color TRUE_POSITIVE = Color.web("#22c55e");
    public static final Color FALSE_POSITIVE = Color.web("#ef4444");
    public static final Color MISSED = Color.web("#f59e0b");
    private static final Color UNKNOWN_CLASS = Color.gray(0.6);
    /** Above this many predictions, scores are not written: they would cover the picture. */
    private static final int MAX_SCORED = 150;
    private static final Font SCORE_FONT = Font.font(11);

    /** Everything one frame needs, taken on the UI thread. */
    public record Frame(ImageOutcome outcome, ImageLabels labels, Viewport viewport, double width, double height,
                        Map<Integer, Color> colours, int selectedPrediction) {
    }

    public void paint(GraphicsContext g, Frame f) {
        g.clearRect(0, 0, f.width(), f.height());
        Viewport v = f.viewport();
        g.setLineDashes();
        if (f.labels() != null) {
            g.setLineWidth(1);
            for (Box b : f.labels().boxes()) {
                if (b.source() != BoxSource.PREDICTED) continue;
                g.setStroke(f.colours().getOrDefault(b.classId(), UNKNOWN_CLASS));
                g.setLineDashes(5, 4);
                stroke(g, v, b.x1(), b.y1(), b.x2(), b.y2());
            }
            g.setLineDashes();
        }
        ImageOutcome o = f.outcome();
        if (o == null) {
            if (f.labels() != null) {
                for (Box b : f.labels().boxes()) {
                    if (b.source() != BoxSource.MANUAL) continue;
                    g.setStroke(f.colours().getOrDefault(b.classId(), UNKNOWN_CLASS));
                    stroke(g, v, b.x1(), b.y1(), b.x2(), b.y2());
                }
            }
            return;
        }
        g.setLineWidth(1.5);
        for (int t = 0; t < o.truth().size(); t++) {
            if (!o.found()[t]) continue;
            Box b = o.truth().get(t);
            g.setStroke(f.colours().getOrDefault(b.classId(), UNKNOWN_CLASS));
            stroke(g, v, b.x1(), b.y1(), b.x2(), b.y2());
        }
        g.setStroke(MISSED);
        g.setLineWidth(2.5);
        g.setLineDashes(8, 5);
        for (int t = 0; t < o.truth().size(); t++) {
            if (o.found()[t]) continue;
            Box b = o.truth().get(t);
            stroke(g, v, b.x1(), b.y1(), b.x2(), b.y2());
        }
        g.setLineDashes();
        g.setLineWidth(2);
        float[] boxes = o.candidates().boxes();
        for (int pass = 0; pass < 2; pass++) {
            boolean tp = pass == 0;
            g.setStroke(tp ? TRUE_POSITIVE : FALSE_POSITIVE);
            for (int k = 0; k < o.kept().length; k++) {
                if (o.truePositive()[k] != tp) continue;
                int i = o.kept()[k];
                stroke(g, v, boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]);
            }
        }
        if (o.kept().length <= MAX_SCORED) writeScores(g, v, o);
        int s = f.selectedPrediction();
        if (s >= 0 && s < o.kept().length) {
            int i = o.kept()[s];
            Color c = o.truePositive()[s] ? TRUE_POSITIVE : FALSE_POSITIVE;
            double x1 = v.screenX(boxes[4 * i]), y1 = v.screenY(boxes[4 * i + 1]);
            double x2 = v.screenX(boxes[4 * i + 2]), y2 = v.screenY(boxes[4 * i + 3]);
            g.setFill(c.deriveColor(0, 1, 1, 0.25));
            g.fillRect(x1, y1, x2 - x1, y2 - y1);
            g.setStroke(c);
            g.setLineWidth(4);
            g.strokeRect(x1, y1, x2 - x1, y2 - y1);
        }
    }

    private static void writeScores(GraphicsContext g, Viewport v, ImageOutcome o) {
        g.setFont(SCORE_FONT);
        float[] boxes = o.candidates().boxes();
        for (int k = 0; k < o.kept().length; k++) {
            int i = o.kept()[k];
            double x = v.screenX(boxes[4 * i]) + 2, y = v.screenY(boxes[4 * i + 1]) - 3;
            String text = String.format("%.2f", o.candidates().scores()[i]);
            g.setFill(Color.color(0, 0, 0, 0.6));
            g.fillRect(x - 2, y - 11, 6.5 * text.length() + 4, 13);
            g.setFill(o.truePositive()[k] ? TRUE_POSITIVE : FALSE_POSITIVE);
            g.fillText(text, x, y);
        }
    }

    private static void stroke(GraphicsContext g, Viewport v, double x1, double y1, double x2, double y2) {
        double sx1 = Math.round(v.screenX(x1)) + 0.5, sy1 = Math.round(v.screenY(y1)) + 0.5;
        double sx2 = Math.round(v.screenX(x2)) + 0.5, sy2 = Math.round(v.screenY(y2)) + 0.5;
        g.strokeRect(sx1, sy1, sx2 - sx1, sy2 - sy1);
    }

    /** The kept prediction under a screen point (the smallest one, so a box inside another can be picked), or -1. */
    public static int predictionAt(ImageOutcome o, Viewport v, double sx, double sy) {
        if (o == null) return -1;
        double x = v.imageX(sx), y = v.imageY(sy);
        float[] boxes = o.candidates().boxes();
        int best = -1;
        double bestArea = Double.MAX_VALUE;
        for (int k = 0; k < o.kept().length; k++) {
            int i = o.kept()[k];
            if (x < boxes[4 * i] || x > boxes[4 * i + 2] || y < boxes[4 * i + 1] || y > boxes[4 * i + 3]) continue;
            double area = (boxes[4 * i + 2] - boxes[4 * i]) * (boxes[4 * i + 3] - boxes[4 * i + 1]);
            if (area < bestArea) {
                bestArea = area;
                best = k;
            }
        }
        return best;
    }
}
