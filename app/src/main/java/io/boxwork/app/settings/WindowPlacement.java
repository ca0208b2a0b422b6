package io.boxwork.app.settings;

/** Where the main window was and how big, in screen coordinates; restored on the next start. */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
    public static final WindowPlacement DEFAULT = new WindowPlacement(Double.NaN, Double.NaN, 1280, 800, false);

    public WindowPlacement {
        // A window remembered smaller than usable (e.g. captured while GTK first maps it at 10 x 10) is not worth restoring.
        if (!(width >= 400) || !(height >= 300)) {
            width = DEFAULT.width;
            height = DEFAULT.height;
        }
    }

    public boolean hasPosition() {
        return Double.isFinite(x) && Double.isFinite(y);
    }
}
