package io.boxwork.app.shell;

import io.boxwork.app.shortcuts.ActionId;
import javafx.scene.Node;

import java.util.Map;

/**
 * One mode of the workbench (Annotate, Anchors, Train, Review): its view, and the actions its keys
 * trigger. Modes are registered with the {@link ModeSwitcher}; only registered modes are shown.
 */
public interface Mode {

    String id();

    String title();

    Node view();

    /** What each shortcut does while this mode is active. */
    Map<ActionId, Runnable> actions();

    /** Space pressed / released (pan with the mouse); modes without a canvas ignore it. */
    default void panKey(boolean down) {
    }

    /** Called when the window closes or another project opens: release what the mode holds. */
    default void dispose() {
    }
}
