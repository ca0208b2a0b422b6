package io.boxwork.app.settings;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Puts a stage where it was last time and reads back where it is now. */
public final class WindowMemory {
    private WindowMemory() {
    }

    public static void apply(WindowPlacement p, Stage stage) {
        stage.setWidth(p.width());
        stage.setHeight(p.height());
        // A position on a screen that is no longer attached would put the window out of sight.
        if (p.hasPosition() && !Screen.getScreensForRectangle(new Rectangle2D(p.x(), p.y(), Math.min(p.width(), 100), Math.min(p.height(), 100))).isEmpty()) {
            stage.setX(p.x());
            stage.setY(p.y());
        }
        stage.setMaximized(p.maximized());
    }

    /** Keeps the un-maximised bounds while maximised, so un-maximising next time restores them. */
    public static WindowPlacement capture(Stage stage, WindowPlacement previous) {
        if (stage.isMaximized()) {
            return new WindowPlacement(previous.x(), previous.y(), previous.width(), previous.height(), true);
        }
        return new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
    }
}
