package io.boxwork.app.shell;

import io.boxwork.app.shortcuts.ActionId;
import io.boxwork.app.shortcuts.Shortcuts;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.function.Function;

/**
 * Sends key presses to the named actions of the {@link Shortcuts} table. Runs as a scene filter so
 * lists and buttons do not swallow n / b, but leaves plain keys to text fields being typed in.
 */
public final class ShortcutDispatcher {
    private final Shortcuts shortcuts;
    private final Function<ActionId, Runnable> actions;
    private final java.util.function.Consumer<Boolean> panKey;

    public ShortcutDispatcher(Shortcuts shortcuts, Function<ActionId, Runnable> actions, java.util.function.Consumer<Boolean> panKey) {
        this.shortcuts = shortcuts;
        this.actions = actions;
        this.panKey = panKey;
    }

    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> pressed(scene, e));
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE && !spaceBelongsToFocus(scene)) {
                panKey.accept(false);
                e.consume();
            }
        });
    }

    private void pressed(Scene scene, KeyEvent e) {
        boolean typing = typing(scene);
        if (e.getCode() == KeyCode.SPACE && !spaceBelongsToFocus(scene)) {
            panKey.accept(true);
            e.consume();
            return;
        }
        shortcuts.match(e).ifPresent(b -> {
            if (typing && b.plainKey()) return;
            Runnable r = actions.apply(b.action());
            if (r != null) {
                r.run();
                e.consume();
            }
        });
    }

    /** Text fields get their letters; buttons and check boxes keep Space for pressing them. */
    private static boolean typing(Scene scene) {
        return scene.getFocusOwner() instanceof TextInputControl;
    }

    private static boolean spaceBelongsToFocus(Scene scene) {
        return typing(scene) || scene.getFocusOwner() instanceof javafx.scene.control.ButtonBase;
    }
}
