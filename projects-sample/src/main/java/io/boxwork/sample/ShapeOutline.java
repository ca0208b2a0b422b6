package io.boxwork.sample;

import java.util.List;

/**
 * A region of the plane in continuous image coordinates (pixel (x, y) covers [x, x+1) x [y, y+1)),
 * so a shape's geometric bounds are exactly the box a detector should learn.
 */
sealed interface ShapeOutline permits ShapeOutline.Disc, ShapeOutline.ConvexPolygon, ShapeOutline.Capsule {

    boolean contains(double x, double y);

    double minX();

    double minY();

    double maxX();

    double maxY();

    /** A circle. */
    record Disc(double cx, double cy, double r) implements ShapeOutline {
        @Override
        public boolean contains(double x, double y) {
            double dx = x - cx;
            double dy = y - cy;
            return dx * dx + dy * dy <= r * r;
        }

        public double minX() { return cx - r; }

        public double minY() { return cy - r; }

        public double maxX() { return cx + r; }

        public double maxY() { return cy + r; }
    }

    /**
     * A convex polygon that has an inscribed circle (every triangle, every square), which is what
     * lets {@link #inset} move all edges inward by the same stroke width.
     */
    record ConvexPolygon(List<Vertex> vertices, Vertex incenter, double inradius) implements ShapeOutline {
        public ConvexPolygon {
            vertices = List.copyOf(vertices);
            if (vertices.size() < 3) throw new IllegalArgumentException("a polygon needs three vertices");
            if (!(inradius > 0)) throw new IllegalArgumentException("inradius must be positive, was " + inradius);
        }

        static ConvexPolygon triangle(Vertex a, Vertex b, Vertex c) {
            // Each vertex weighs by the length of the side opposite it.
            double la = b.distanceTo(c.x(), c.y());
            double lb = c.distanceTo(a.x(), a.y());
            double lc = a.distanceTo(b.x(), b.y());
            double perimeter = la + lb + lc;
            Vertex incenter = new Vertex((la * a.x() + lb * b.x() + lc * c.x()) / perimeter,
                (la * a.y() + lb * b.y() + lc * c.y()) / perimeter);
            double area = Math.abs((b.x() - a.x()) * (c.y() - a.y()) - (c.x() - a.x()) * (b.y() - a.y())) / 2;
            return new ConvexPolygon(List.of(a, b, c), incenter, 2 * area / perimeter);
        }

        static ConvexPolygon square(double cx, double cy, double side, double angle) {
            double h = side / 2;
            double cos = StrictMath.cos(angle);
            double sin = StrictMath.sin(angle);
            double[][] corners = {{-h, -h}, {h, -h}, {h, h}, {-h, h}};
            Vertex[] v = new Vertex[4];
            for (int i = 0; i < 4; i++) {
                v[i] = new Vertex(cx + corners[i][0] * cos - corners[i][1] * sin, cy + corners[i][0] * sin + corners[i][1] * cos);
            }
            return new ConvexPolygon(List.of(v), new Vertex(cx, cy), h);
        }

        /** The polygon whose edges are {@code t} inside this one's, or null when nothing is left. */
        ConvexPolygon inset(double t) {
            double f = (inradius - t) / inradius;
            if (f <= 0) return null;
            return new ConvexPolygon(vertices.stream().map(v -> new Vertex(incenter.x() + (v.x() - incenter.x()) * f,
                incenter.y() + (v.y() - incenter.y()) * f)).toList(), incenter, inradius - t);
        }

        @Override
        public boolean contains(double x, double y) {
            int n = vertices.size();
            boolean anyPositive = false;
            boolean anyNegative = false;
            for (int i = 0; i < n; i++) {
                Vertex p = vertices.get(i);
                Vertex q = vertices.get((i + 1) % n);
                double cross = (q.x() - p.x()) * (y - p.y()) - (q.y() - p.y()) * (x - p.x());
                if (cross > 0) anyPositive = true;
                if (cross < 0) anyNegative = true;
                if (anyPositive && anyNegative) return false;
            }
            return true;
        }

        public double minX() { return vertices.stream().mapToDouble(Vertex::x).min().orElseThrow(); }

        public double minY() { return vertices.stream().mapToDouble(Vertex::y).min().orElseThrow(); }

        public double maxX() { return vertices.stream().mapToDouble(Vertex::x).max().orElseThrow(); }

        public double maxY() { return vertices.stream().mapToDouble(Vertex::y).max().orElseThrow(); }
    }

    /** A thick line segment with round ends: background clutter, never a labelled object. */
    record Capsule(Vertex a, Vertex b, double radius) implements ShapeOutline {
        @Override
        public boolean contains(double x, double y) {
            double dx = b.x() - a.x();
            double dy = b.y() - a.y();
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x()) * dx + (y - a.y()) * dy) / len2));
            return new Vertex(a.x() + t * dx, a.y() + t * dy).distanceTo(x, y) <= radius;
        }

        public double minX() { return Math.min(a.x(), b.x()) - radius; }

        public double minY() { return Math.min(a.y(), b.y()) - radius; }

        public double maxX() { return Math.max(a.x(), b.x()) + radius; }

        public double maxY() { return Math.max(a.y(), b.y()) + radius; }
    }

    record Vertex(double x, double y) {
        double distanceTo(double px, double py) {
            double dx = px - x;
            double dy = py - y;
            return Math.sqrt(dx * dx + dy * dy);
        }
    }
}
