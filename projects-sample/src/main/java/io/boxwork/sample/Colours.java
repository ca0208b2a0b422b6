package io.boxwork.sample;

/** Colour arithmetic for the generator. */
final class Colours {
    private Colours() {
    }

    /** HSV (each 0..1) to packed RGB. */
    static int hsv(double h, double s, double v) {
        double hh = (h - Math.floor(h)) * 6;
        int sector = (int) hh;
        double f = hh - sector;
        double p = v * (1 - s);
        double q = v * (1 - s * f);
        double t = v * (1 - s * (1 - f));
        double[] rgb = switch (sector) {
            case 0 -> new double[] {v, t, p};
            case 1 -> new double[] {q, v, p};
            case 2 -> new double[] {p, v, t};
            case 3 -> new double[] {p, q, v};
            case 4 -> new double[] {t, p, v};
            default -> new double[] {v, p, q};
        };
        return RgbCanvas.rgb(rgb[0] * 255, rgb[1] * 255, rgb[2] * 255);
    }

    /** Euclidean distance in RGB between a packed colour and an {r, g, b} triple. */
    static double distance(int colour, double[] rgb) {
        double dr = ((colour >> 16) & 0xff) - rgb[0];
        double dg = ((colour >> 8) & 0xff) - rgb[1];
        double db = (colour & 0xff) - rgb[2];
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}
