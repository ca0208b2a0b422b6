package io.boxwork.app.shortcuts;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static javafx.scene.input.KeyCombination.SHIFT_DOWN;
import static javafx.scene.input.KeyCombination.SHORTCUT_DOWN;

/**
 * The one table of keys and the actions they name. Follows napari / LabelImg / CVAT habits
 * (Ctrl+Z, Delete, number keys for classes, F1 help) except where they clash with n / b.
 */
public final class Shortcuts {

    public record Binding(KeyCombination keys, ActionId action) {
        /** Keys without Ctrl/Alt/Meta must not fire while the person types in a text field. */
        public boolean plainKey() {
            return keys.getControl() != KeyCombination.ModifierValue.DOWN && keys.getShortcut() != KeyCombination.ModifierValue.DOWN
                && keys.getAlt() != KeyCombination.ModifierValue.DOWN && keys.getMeta() != KeyCombination.ModifierValue.DOWN
                && !(keys instanceof KeyCodeCombination k && k.getCode().isFunctionKey());
        }
    }

    private static final List<Binding> DEFAULTS = defaults();

    private final List<Binding> bindings;

    public Shortcuts(List<Binding> bindings) {
        this.bindings = List.copyOf(bindings);
    }

    public static Shortcuts standard() {
        return new Shortcuts(DEFAULTS);
    }

    public List<Binding> bindings() {
        return bindings;
    }

    public Optional<Binding> match(KeyEvent e) {
        for (Binding b : bindings) if (b.keys().match(e)) return Optional.of(b);
        return Optional.empty();
    }

    /** Action -> its keys in display form, in table order, for the help overlay and menus. */
    public Map<ActionId, List<String>> byAction() {
        Map<ActionId, List<String>> out = new LinkedHashMap<>();
        for (ActionId a : ActionId.values()) out.put(a, new ArrayList<>());
        for (Binding b : bindings) out.get(b.action()).add(b.keys().getDisplayText());
        out.values().removeIf(List::isEmpty);
        return out;
    }

    private static List<Binding> defaults() {
        List<Binding> t = new ArrayList<>();
        key(t, ActionId.NEXT_IMAGE, KeyCode.N);
        key(t, ActionId.NEXT_IMAGE, KeyCode.PAGE_DOWN);
        key(t, ActionId.PREVIOUS_IMAGE, KeyCode.B);
        key(t, ActionId.PREVIOUS_IMAGE, KeyCode.PAGE_UP);
        key(t, ActionId.NEXT_UNLABELLED, KeyCode.U);
        key(t, ActionId.MARK_DONE, KeyCode.D);
        key(t, ActionId.MARK_TODO, KeyCode.T);
        key(t, ActionId.MARK_REVIEWED, KeyCode.R);
        t.add(new Binding(new KeyCodeCombination(KeyCode.Z, SHORTCUT_DOWN), ActionId.UNDO));
        t.add(new Binding(new KeyCodeCombination(KeyCode.Z, SHORTCUT_DOWN, SHIFT_DOWN), ActionId.REDO));
        t.add(new Binding(new KeyCodeCombination(KeyCode.Y, SHORTCUT_DOWN), ActionId.REDO));
        key(t, ActionId.DELETE, KeyCode.DELETE);
        key(t, ActionId.DELETE, KeyCode.BACK_SPACE);
        t.add(new Binding(new KeyCodeCombination(KeyCode.C, SHORTCUT_DOWN), ActionId.COPY));
        t.add(new Binding(new KeyCodeCombination(KeyCode.V, SHORTCUT_DOWN), ActionId.PASTE));
        t.add(new Binding(new KeyCodeCombination(KeyCode.V, SHORTCUT_DOWN, SHIFT_DOWN), ActionId.PASTE_PREVIOUS_IMAGE));
        t.add(new Binding(new KeyCodeCombination(KeyCode.A, SHORTCUT_DOWN), ActionId.SELECT_ALL));
        key(t, ActionId.DESELECT, KeyCode.ESCAPE);
        key(t, ActionId.NUDGE_LEFT, KeyCode.LEFT);
        key(t, ActionId.NUDGE_RIGHT, KeyCode.RIGHT);
        key(t, ActionId.NUDGE_UP, KeyCode.UP);
        key(t, ActionId.NUDGE_DOWN, KeyCode.DOWN);
        t.add(new Binding(new KeyCodeCombination(KeyCode.LEFT, SHIFT_DOWN), ActionId.NUDGE_LEFT_10));
        t.add(new Binding(new KeyCodeCombination(KeyCode.RIGHT, SHIFT_DOWN), ActionId.NUDGE_RIGHT_10));
        t.add(new Binding(new KeyCodeCombination(KeyCode.UP, SHIFT_DOWN), ActionId.NUDGE_UP_10));
        t.add(new Binding(new KeyCodeCombination(KeyCode.DOWN, SHIFT_DOWN), ActionId.NUDGE_DOWN_10));
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        ActionId[] classes = {ActionId.CLASS_1, ActionId.CLASS_2, ActionId.CLASS_3, ActionId.CLASS_4, ActionId.CLASS_5,
            ActionId.CLASS_6, ActionId.CLASS_7, ActionId.CLASS_8, ActionId.CLASS_9};
        for (int i = 0; i < digits.length; i++) key(t, classes[i], digits[i]);
        // napari: V toggles the selected layer's visibility.
        key(t, ActionId.TOGGLE_LAYER_VISIBILITY, KeyCode.V);
        key(t, ActionId.TOGGLE_LAYER_LOCK, KeyCode.L);
        key(t, ActionId.FIT_TO_WINDOW, KeyCode.F);
        t.add(new Binding(new KeyCodeCombination(KeyCode.DIGIT0, SHORTCUT_DOWN), ActionId.FIT_TO_WINDOW));
        // Key codes, not characters: matching a character needs the native toolkit and a keyboard layout.
        key(t, ActionId.ZOOM_IN, KeyCode.EQUALS);
        t.add(new Binding(new KeyCodeCombination(KeyCode.EQUALS, SHIFT_DOWN), ActionId.ZOOM_IN));
        key(t, ActionId.ZOOM_IN, KeyCode.ADD);
        key(t, ActionId.ZOOM_OUT, KeyCode.MINUS);
        key(t, ActionId.ZOOM_OUT, KeyCode.SUBTRACT);
        t.add(new Binding(new KeyCodeCombination(KeyCode.S, SHORTCUT_DOWN), ActionId.SAVE_NOW));
        key(t, ActionId.HELP, KeyCode.F1);
        t.add(new Binding(new KeyCodeCombination(KeyCode.SLASH, SHIFT_DOWN), ActionId.HELP));
        return List.copyOf(t);
    }

    private static void key(List<Binding> t, ActionId action, KeyCode code) {
        t.add(new Binding(new KeyCodeCombination(code), action));
    }
}
