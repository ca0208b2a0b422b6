package io.boxwork.app.images;

/**
 * How a decoded picture (as stored in the file, possibly downsampled) lands on the upright image
 * plane the labels use: an affine map {@code x = mxx*u + mxy*v + tx, y = myx*u + myy*v + ty} from
 * decoded pixel (u, v) to label pixel (x, y). Covers the eight EXIF orientations.
 */
public record OrientedPlacement(double mxx, double mxy, double tx, double myx, double myy, double ty) {

    /**
     * @param orientation  EXIF orientation 1..8
     * @param storedWidth  width of the picture as stored in the file (before orientation)
     * @param storedHeight height as stored
     * @param decodedWidth width of the decoded (maybe downsampled) picture
     */
    public static OrientedPlacement of(int orientation, int storedWidth, int storedHeight, double decodedWidth, double decodedHeight) {
        double su = storedWidth / decodedWidth;
        double sv = storedHeight / decodedHeight;
        // Upright size: 5..8 swap the axes.
        double uw = orientation >= 5 && orientation <= 8 ? storedHeight : storedWidth;
        double uh = orientation >= 5 && orientation <= 8 ? storedWidth : storedHeight;
        return switch (orientation) {
            case 2 -> new OrientedPlacement(-su, 0, uw, 0, sv, 0);
            case 3 -> new OrientedPlacement(-su, 0, uw, 0, -sv, uh);
            case 4 -> new OrientedPlacement(su, 0, 0, 0, -sv, uh);
            case 5 -> new OrientedPlacement(0, sv, 0, su, 0, 0);
            case 6 -> new OrientedPlacement(0, -sv, uw, su, 0, 0);
            case 7 -> new OrientedPlacement(0, -sv, uw, -su, 0, uh);
            case 8 -> new OrientedPlacement(0, sv, 0, -su, 0, uh);
            default -> new OrientedPlacement(su, 0, 0, 0, sv, 0);
        };
    }

    public double x(double u, double v) {
        return mxx * u + mxy * v + tx;
    }

    public double y(double u, double v) {
        return myx * u + myy * v + ty;
    }
}
