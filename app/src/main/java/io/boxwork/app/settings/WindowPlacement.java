package io.boxwork.app.settings;

/**
 * Where the main window was and how big, in screen coordinates; restored on the next start.
 * A null x or y means the window system chooses the position (no position remembered yet).
 */
public record WindowPlacement(Double x, Double y, double width, double height, boolean maximized) {
    public static final WindowPlacement DEFAULT = new WindowPlacement(null, null, 1280, 800, false);

    public WindowPlacement {
        // A window remembered smaller than usable (e.g. captured while GTK first maps it at 10 x 10) is not worth restoring.
        if (!(width >= 400) || !(height >= 300)) {
            width = DEFAULT.width;
            height = DEFAULT.height;
        }
    }

    public boolean hasPosition() {
        return x != null && y != null && Double.isFinite(x) && Double.isFinite(y);
    }
}
