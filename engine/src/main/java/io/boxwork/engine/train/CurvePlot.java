package io.boxwork.engine.train;

import io.boxwork.annotations.storage.AtomicFiles;

import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code curves.png}: three panels drawn with java.awt (losses per part and total by iteration,
 * learning rate by iteration, val mAP by epoch). Headless-safe: it only touches a BufferedImage.
 */
public final class CurvePlot {
    private static final int PANEL_W = 460;
    private static final int PANEL_H = 320;
    private static final int MARGIN_L = 62;
    private static final int MARGIN_R = 14;
    private static final int MARGIN_T = 30;
    private static final int MARGIN_B = 36;
    private static final Color[] SERIES = {
        new Color(0x0072b2), new Color(0xe69f00), new Color(0x009e73), new Color(0xd55e00),
        new Color(0xcc79a7), new Color(0x56b4e9), new Color(0x000000)
    };

    private CurvePlot() {
    }

    record Series(String name, List<double[]> points) {
    }

    public static BufferedImage render(List<TrainingEvent> events) {
        Map<String, List<double[]>> losses = new LinkedHashMap<>();
        List<double[]> total = new ArrayList<>();
        List<double[]> lr = new ArrayList<>();
        List<double[]> map50 = new ArrayList<>();
        List<double[]> map = new ArrayList<>();
        List<double[]> valLoss = new ArrayList<>();
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.Iteration it) {
                double x = it.iteration() + 1;
                it.lossParts().forEach((k, v) -> { if (Double.isFinite(v)) losses.computeIfAbsent(k, n -> new ArrayList<>()).add(new double[]{x, v}); });
                if (Double.isFinite(it.total())) total.add(new double[]{x, it.total()});
                lr.add(new double[]{x, it.lr()});
            } else if (e instanceof TrainingEvent.Evaluation ev) {
                double x = ev.epoch() + 1;
                if (Double.isFinite(ev.metrics().map50())) map50.add(new double[]{x, ev.metrics().map50()});
                if (Double.isFinite(ev.metrics().map())) map.add(new double[]{x, ev.metrics().map()});
                if (Double.isFinite(ev.metrics().valLoss())) valLoss.add(new double[]{x, ev.metrics().valLoss()});
            }
        }
        List<Series> lossSeries = new ArrayList<>();
        losses.forEach((k, v) -> lossSeries.add(new Series(k, v)));
        lossSeries.add(new Series("total", total));
        BufferedImage img = new BufferedImage(PANEL_W * 3, PANEL_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            panel(g, 0, "training loss", "iteration", lossSeries, false);
            panel(g, PANEL_W, "learning rate", "iteration", List.of(new Series("lr", lr)), false);
            panel(g, 2 * PANEL_W, "validation", "epoch",
                List.of(new Series("mAP@0.5", map50), new Series("mAP@[.5:.95]", map), new Series("val loss", valLoss)), true);
        } finally {
            g.dispose();
        }
        return img;
    }

    public static void write(List<TrainingEvent> events, Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // An in-memory stream: ImageIO's default file-cached one registers a shutdown hook, which
        // throws when the curves are written while the JVM stops (Ctrl-C on a training run).
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            if (!ImageIO.write(render(events), "png", out)) throw new IOException("no PNG writer available for " + file);
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    private static void panel(Graphics2D g, int x0, String title, String xLabel, List<Series> series, boolean markers) {
        int left = x0 + MARGIN_L;
        int right = x0 + PANEL_W - MARGIN_R;
        int top = MARGIN_T;
        int bottom = PANEL_H - MARGIN_B;
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double[] p : s.points()) {
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, p[1]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(Color.BLACK);
        g.drawString(title, left, 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(Color.GRAY);
        g.drawRect(left, top, right - left, bottom - top);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(xLabel, (left + right - fm.stringWidth(xLabel)) / 2, PANEL_H - 6);
        if (minX > maxX) {
            g.drawString("no data yet", left + 10, top + 20);
            return;
        }
        if (maxX == minX) { minX -= 1; maxX += 1; }
        if (maxY == minY) { double pad = Math.max(1e-9, Math.abs(maxY) * 0.1); minY -= pad; maxY += pad; }
        minY = Math.min(minY, 0 <= minY && minY < (maxY - minY) ? 0 : minY);
        for (int i = 0; i <= 4; i++) {
            double v = minY + (maxY - minY) * i / 4;
            int y = bottom - (int) Math.round((bottom - top) * i / 4.0);
            g.setColor(new Color(0xe8e8e8));
            g.drawLine(left + 1, y, right - 1, y);
            g.setColor(Color.DARK_GRAY);
            String label = tick(v);
            g.drawString(label, left - 4 - fm.stringWidth(label), y + 4);
        }
        g.drawString(tick(minX), left, bottom + 14);
        String hi = tick(maxX);
        g.drawString(hi, right - fm.stringWidth(hi), bottom + 14);
        int legendY = top + 14;
        for (int si = 0; si < series.size(); si++) {
            Series s = series.get(si);
            if (s.points().isEmpty()) continue;
            Color c = s.name().equals("total") ? Color.BLACK : SERIES[si % SERIES.length];
            g.setColor(c);
            g.setStroke(new BasicStroke(s.name().equals("total") ? 2f : 1.3f));
            int px = -1, py = -1;
            for (double[] p : s.points()) {
                int x = left + (int) Math.round((p[0] - minX) / (maxX - minX) * (right - left));
                int y = bottom - (int) Math.round((p[1] - minY) / (maxY - minY) * (bottom - top));
                if (px >= 0) g.drawLine(px, py, x, y);
                if (markers) g.fillOval(x - 3, y - 3, 6, 6);
                px = x;
                py = y;
            }
            g.setStroke(new BasicStroke(1f));
            g.drawString(s.name(), right - 6 - fm.stringWidth(s.name()), legendY);
            legendY += 13;
        }
    }

    private static String tick(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-2 || a >= 1e5)) return String.format(Locale.ROOT, "%.1e", v);
        // Iterations and epochs are whole numbers: "6", not "6.000".
        if (a >= 100 || v == Math.rint(v)) return String.format(Locale.ROOT, "%.0f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
