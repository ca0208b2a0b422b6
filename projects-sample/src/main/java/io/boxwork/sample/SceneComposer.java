package io.boxwork.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws one scene: a background, then objects of the three classes, filled or outlined, in
 * contrasting colours, allowed to overlap or leave the frame only as long as enough of each
 * stays visible for a person (and a detector) to tell what it is.
 */
final class SceneComposer {
    static final int MIN_OBJECT_SIZE = 16;
    private static final double MIN_VISIBLE_SHARE = 0.6;
    private static final double MAX_BOX_IOU = 0.4;
    private static final double MIN_CONTRAST = 90;
    private static final int PLACEMENT_TRIES = 40;

    private SceneComposer() {
    }

    static Scene compose(int width, int height, int objectCount, Random random) {
        RgbCanvas canvas = new RgbCanvas(width, height);
        Backgrounds.paint(canvas, random);
        int[] owner = new int[width * height];
        java.util.Arrays.fill(owner, -1);
        List<Placed> placed = new ArrayList<>();
        for (int k = 0; k < objectCount; k++) {
            for (int attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
                Candidate c = candidate(width, height, random);
                if (fits(c, placed, owner, width, height)) {
                    int colour = contrastingColour(canvas, c, random);
                    canvas.paint(c.outer, c.hole, colour);
                    int index = placed.size();
                    for (int i = 0; i < c.maskIndex.length; i++) owner[c.maskIndex[i]] = index;
                    placed.add(new Placed(c, c.totalArea));
                    break;
                }
            }
        }
        List<Scene.SceneObject> objects = new ArrayList<>();
        for (Placed p : placed) {
            ShapeOutline o = p.candidate.outer;
            objects.add(new Scene.SceneObject(p.candidate.sampleClass, Math.max(0, o.minX()), Math.max(0, o.minY()),
                Math.min(width, o.maxX()), Math.min(height, o.maxY())));
        }
        return new Scene(canvas, objects);
    }

    private record Placed(Candidate candidate, int area) {
    }

    private static final class Candidate {
        final SampleClass sampleClass;
        final ShapeOutline outer;
        final ShapeOutline hole;
        /** Pixels (y * width + x) inside the image that the object mostly covers. */
        int[] maskIndex;
        /** Mostly-covered pixels, counting those outside the image. */
        int totalArea;

        Candidate(SampleClass sampleClass, ShapeOutline outer, ShapeOutline hole) {
            this.sampleClass = sampleClass;
            this.outer = outer;
            this.hole = hole;
        }
    }

    private static Candidate candidate(int width, int height, Random random) {
        SampleClass cls = SampleClass.values()[random.nextInt(3)];
        double maxSize = 0.45 * Math.min(width, height);
        double size = MIN_OBJECT_SIZE * StrictMath.pow(maxSize / MIN_OBJECT_SIZE, random.nextDouble());
        // Centres may lie a little outside the frame so that some objects are cut by an edge.
        double margin = 0.15 * size;
        double cx = -margin + random.nextDouble() * (width + 2 * margin);
        double cy = -margin + random.nextDouble() * (height + 2 * margin);
        boolean outlined = random.nextDouble() < 0.35;
        double stroke = 2 + random.nextDouble() * Math.max(0.5, 0.12 * size - 2);
        return switch (cls) {
            case CIRCLE -> {
                ShapeOutline.Disc d = new ShapeOutline.Disc(cx, cy, size / 2);
                yield new Candidate(cls, d, outlined ? new ShapeOutline.Disc(cx, cy, size / 2 - stroke) : null);
            }
            case SQUARE -> {
                double angle = random.nextDouble() < 0.5 ? 0 : random.nextDouble() * Math.PI / 2;
                double side = size / (Math.abs(StrictMath.cos(angle)) + Math.abs(StrictMath.sin(angle)));
                ShapeOutline.ConvexPolygon p = ShapeOutline.ConvexPolygon.square(cx, cy, side, angle);
                yield new Candidate(cls, p, outlined ? p.inset(stroke) : null);
            }
            case TRIANGLE -> {
                double start = random.nextDouble() * 2 * Math.PI;
                ShapeOutline.Vertex[] v = new ShapeOutline.Vertex[3];
                for (int i = 0; i < 3; i++) {
                    double a = start + i * 2 * Math.PI / 3 + (random.nextDouble() - 0.5) * 0.8;
                    v[i] = new ShapeOutline.Vertex(cx + size / 2 * StrictMath.cos(a), cy + size / 2 * StrictMath.sin(a));
                }
                ShapeOutline.ConvexPolygon p = ShapeOutline.ConvexPolygon.triangle(v[0], v[1], v[2]);
                yield new Candidate(cls, p, outlined ? p.inset(stroke) : null);
            }
        };
    }

    private static boolean fits(Candidate c, List<Placed> placed, int[] owner, int width, int height) {
        ShapeOutline o = c.outer;
        double bx1 = Math.max(0, o.minX());
        double by1 = Math.max(0, o.minY());
        double bx2 = Math.min(width, o.maxX());
        double by2 = Math.min(height, o.maxY());
        if (bx2 - bx1 < MIN_OBJECT_SIZE * 0.75 || by2 - by1 < MIN_OBJECT_SIZE * 0.75) return false;
        for (Placed p : placed) {
            ShapeOutline q = p.candidate.outer;
            if (iou(bx1, by1, bx2, by2, Math.max(0, q.minX()), Math.max(0, q.minY()),
                Math.min(width, q.maxX()), Math.min(height, q.maxY())) > MAX_BOX_IOU) return false;
        }
        int x0 = (int) Math.floor(o.minX());
        int y0 = (int) Math.floor(o.minY());
        int x1 = (int) Math.ceil(o.maxX());
        int y1 = (int) Math.ceil(o.maxY());
        int total = 0;
        int[] inside = new int[(x1 - x0 + 1) * (y1 - y0 + 1)];
        int n = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (RgbCanvas.coverage(c.outer, c.hole, x, y) < 0.5) continue;
                total++;
                if (x >= 0 && y >= 0 && x < width && y < height) inside[n++] = y * width + x;
            }
        }
        if (total == 0 || n < MIN_VISIBLE_SHARE * total) return false;
        int[] taken = new int[placed.size()];
        for (int i = 0; i < n; i++) if (owner[inside[i]] >= 0) taken[owner[inside[i]]]++;
        for (int j = 0; j < placed.size(); j++) {
            if (taken[j] == 0) continue;
            int stillVisible = 0;
            for (int pixel : placed.get(j).candidate.maskIndex) if (owner[pixel] == j) stillVisible++;
            if (stillVisible - taken[j] < MIN_VISIBLE_SHARE * placed.get(j).area) return false;
        }
        c.maskIndex = java.util.Arrays.copyOf(inside, n);
        c.totalArea = total;
        return true;
    }

    private static int contrastingColour(RgbCanvas canvas, Candidate c, Random random) {
        double[] under = canvas.meanColour(c.outer.minX(), c.outer.minY(), c.outer.maxX(), c.outer.maxY());
        for (int i = 0; i < 20; i++) {
            int colour = Colours.hsv(random.nextDouble(), 0.4 + 0.6 * random.nextDouble(), 0.25 + 0.75 * random.nextDouble());
            if (Colours.distance(colour, under) >= MIN_CONTRAST) return colour;
        }
        double brightness = (under[0] + under[1] + under[2]) / 3;
        return brightness > 127 ? 0x101010 : 0xf0f0f0;
    }

    static double iou(double ax1, double ay1, double ax2, double ay2, double bx1, double by1, double bx2, double by2) {
        double iw = Math.min(ax2, bx2) - Math.max(ax1, bx1);
        double ih = Math.min(ay2, by2) - Math.max(ay1, by1);
        if (iw <= 0 || ih <= 0) return 0;
        double inter = iw * ih;
        return inter / ((ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter);
    }
}
