package io.boxwork.app.shortcuts;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShortcutsTest {
    private final Shortcuts shortcuts = Shortcuts.standard();

    private static KeyEvent press(KeyCode code, boolean shift, boolean ctrl) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, ctrl, false, false);
    }

    @Test
    void noTwoBindingsShareTheSameKeys() {
        Set<String> seen = new HashSet<>();
        for (Shortcuts.Binding b : shortcuts.bindings()) assertTrue(seen.add(b.keys().getName()), "duplicate " + b.keys());
    }

    @Test
    void nAndBNavigateAndModifiersPickTheRightAction() {
        assertEquals(ActionId.NEXT_IMAGE, shortcuts.match(press(KeyCode.N, false, false)).orElseThrow().action());
        assertEquals(ActionId.PREVIOUS_IMAGE, shortcuts.match(press(KeyCode.B, false, false)).orElseThrow().action());
        assertEquals(ActionId.PASTE, shortcuts.match(press(KeyCode.V, false, true)).orElseThrow().action());
        assertEquals(ActionId.PASTE_PREVIOUS_IMAGE, shortcuts.match(press(KeyCode.V, true, true)).orElseThrow().action());
        assertEquals(ActionId.TOGGLE_LAYER_VISIBILITY, shortcuts.match(press(KeyCode.V, false, false)).orElseThrow().action());
        assertEquals(ActionId.UNDO, shortcuts.match(press(KeyCode.Z, false, true)).orElseThrow().action());
        assertEquals(ActionId.REDO, shortcuts.match(press(KeyCode.Z, true, true)).orElseThrow().action());
        assertEquals(ActionId.NUDGE_LEFT_10, shortcuts.match(press(KeyCode.LEFT, true, false)).orElseThrow().action());
        assertEquals(ActionId.CLASS_3, shortcuts.match(press(KeyCode.DIGIT3, false, false)).orElseThrow().action());
    }

    @Test
    void everyActionHasAKeyAndTheHelpTableListsIt() {
        assertEquals(Set.of(ActionId.values()), shortcuts.byAction().keySet());
        assertEquals(List.of("N", "Page Down"), shortcuts.byAction().get(ActionId.NEXT_IMAGE));
    }

    @Test
    void plainKeysAreKeptFromTextFieldsButCtrlKeysAndFunctionKeysAreNot() {
        Shortcuts.Binding n = shortcuts.match(press(KeyCode.N, false, false)).orElseThrow();
        Shortcuts.Binding undo = shortcuts.match(press(KeyCode.Z, false, true)).orElseThrow();
        Shortcuts.Binding help = shortcuts.match(press(KeyCode.F1, false, false)).orElseThrow();
        assertTrue(n.plainKey());
        assertFalse(undo.plainKey());
        assertFalse(help.plainKey());
    }
}
