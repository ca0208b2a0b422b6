package io.boxwork.sample;

import java.util.Random;

/**
 * Backgrounds the detector must learn to ignore: smooth gradients, blotchy noise, stripes at any
 * angle, and line clutter on top of any of them.
 */
final class Backgrounds {
    private Backgrounds() {
    }

    static void paint(RgbCanvas canvas, Random random) {
        switch (random.nextInt(4)) {
            case 0 -> linearGradient(canvas, random);
            case 1 -> radialGradient(canvas, random);
            case 2 -> blotchyNoise(canvas, random);
            default -> stripes(canvas, random);
        }
        if (random.nextDouble() < 0.5) clutter(canvas, random);
    }

    static int randomColour(Random random) {
        return Colours.hsv(random.nextDouble(), 0.1 + 0.7 * random.nextDouble(), 0.2 + 0.8 * random.nextDouble());
    }

    private static void linearGradient(RgbCanvas canvas, Random random) {
        int from = randomColour(random);
        int to = randomColour(random);
        double angle = random.nextDouble() * 2 * Math.PI;
        double dx = StrictMath.cos(angle);
        double dy = StrictMath.sin(angle);
        double span = Math.abs(dx) * canvas.width() + Math.abs(dy) * canvas.height();
        double offset = Math.min(0, dx * canvas.width()) + Math.min(0, dy * canvas.height());
        for (int y = 0; y < canvas.height(); y++) {
            for (int x = 0; x < canvas.width(); x++) {
                double t = ((x + 0.5) * dx + (y + 0.5) * dy - offset) / span;
                canvas.set(x, y, RgbCanvas.blend(from, to, t));
            }
        }
    }

    private static void radialGradient(RgbCanvas canvas, Random random) {
        int inner = randomColour(random);
        int outer = randomColour(random);
        double cx = random.nextDouble() * canvas.width();
        double cy = random.nextDouble() * canvas.height();
        double radius = (0.4 + 0.8 * random.nextDouble()) * Math.max(canvas.width(), canvas.height());
        for (int y = 0; y < canvas.height(); y++) {
            for (int x = 0; x < canvas.width(); x++) {
                double d = Math.sqrt((x + 0.5 - cx) * (x + 0.5 - cx) + (y + 0.5 - cy) * (y + 0.5 - cy));
                canvas.set(x, y, RgbCanvas.blend(inner, outer, Math.min(1, d / radius)));
            }
        }
    }

    /** Value noise: a coarse random grid, bilinearly smoothed, plus fine grain. */
    private static void blotchyNoise(RgbCanvas canvas, Random random) {
        int dark = randomColour(random);
        int light = randomColour(random);
        int cell = 8 + random.nextInt(25);
        int gw = canvas.width() / cell + 2;
        int gh = canvas.height() / cell + 2;
        double[] grid = new double[gw * gh];
        for (int i = 0; i < grid.length; i++) grid[i] = random.nextDouble();
        double grain = 3 + 7 * random.nextDouble();
        for (int y = 0; y < canvas.height(); y++) {
            double gy = (y + 0.5) / cell;
            int iy = (int) gy;
            double fy = gy - iy;
            for (int x = 0; x < canvas.width(); x++) {
                double gx = (x + 0.5) / cell;
                int ix = (int) gx;
                double fx = gx - ix;
                double top = grid[iy * gw + ix] * (1 - fx) + grid[iy * gw + ix + 1] * fx;
                double bottom = grid[(iy + 1) * gw + ix] * (1 - fx) + grid[(iy + 1) * gw + ix + 1] * fx;
                int base = RgbCanvas.blend(dark, light, top * (1 - fy) + bottom * fy);
                double n = random.nextGaussian() * grain;
                canvas.set(x, y, RgbCanvas.rgb(((base >> 16) & 0xff) + n, ((base >> 8) & 0xff) + n, (base & 0xff) + n));
            }
        }
    }

    private static void stripes(RgbCanvas canvas, Random random) {
        int a = randomColour(random);
        int b = randomColour(random);
        double period = 6 + 20 * random.nextDouble();
        double duty = 0.3 + 0.4 * random.nextDouble();
        double angle = random.nextDouble() * Math.PI;
        double dx = StrictMath.cos(angle);
        double dy = StrictMath.sin(angle);
        for (int y = 0; y < canvas.height(); y++) {
            for (int x = 0; x < canvas.width(); x++) {
                int inStripe = 0;
                for (int s = 0; s < 4; s++) {
                    double px = x + 0.25 + 0.5 * (s & 1);
                    double py = y + 0.25 + 0.5 * (s >> 1);
                    double phase = (px * dx + py * dy) / period;
                    if (phase - Math.floor(phase) < duty) inStripe++;
                }
                canvas.set(x, y, RgbCanvas.blend(a, b, inStripe / 4.0));
            }
        }
    }

    /** Lines, zigzags and crosses: edges and corners that are not objects. */
    private static void clutter(RgbCanvas canvas, Random random) {
        int count = 4 + random.nextInt(14);
        for (int i = 0; i < count; i++) {
            int colour = randomColour(random);
            double radius = 0.5 + random.nextDouble();
            double x = random.nextDouble() * canvas.width();
            double y = random.nextDouble() * canvas.height();
            int segments = random.nextDouble() < 0.3 ? 2 + random.nextInt(4) : 1;
            for (int s = 0; s < segments; s++) {
                double length = 8 + random.nextDouble() * 40;
                double angle = random.nextDouble() * 2 * Math.PI;
                double nx = x + length * StrictMath.cos(angle);
                double ny = y + length * StrictMath.sin(angle);
                canvas.paint(new ShapeOutline.Capsule(new ShapeOutline.Vertex(x, y), new ShapeOutline.Vertex(nx, ny), radius),
                    null, colour);
                x = nx;
                y = ny;
            }
        }
    }
}
