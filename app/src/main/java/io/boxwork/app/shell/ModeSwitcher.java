package io.boxwork.app.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The row of mode buttons; modes register themselves, so a mode appears only once it exists. */
public final class ModeSwitcher extends HBox {
    private final ToggleGroup group = new ToggleGroup();
    private final List<Mode> modes = new ArrayList<>();
    private final ObjectProperty<Mode> active = new SimpleObjectProperty<>(this, "active");

    public ModeSwitcher() {
        setId("mode-switcher");
        setSpacing(2);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                // A mode button cannot be switched off by clicking it again.
                if (a != null) group.selectToggle(a);
                return;
            }
            active.set((Mode) b.getUserData());
        });
    }

    public void register(Mode mode) {
        ToggleButton button = new ToggleButton(mode.title());
        button.setId("mode-" + mode.id());
        button.setUserData(mode);
        button.setToggleGroup(group);
        modes.add(mode);
        getChildren().add(button);
        if (group.getSelectedToggle() == null) group.selectToggle(button);
    }

    /** Removes every mode (another project is being opened). */
    public void clear() {
        for (Mode m : modes) m.dispose();
        modes.clear();
        getChildren().clear();
        group.getToggles().clear();
        active.set(null);
    }

    public List<Mode> modes() {
        return List.copyOf(modes);
    }

    public ObjectProperty<Mode> activeProperty() {
        return active;
    }

    public Optional<Mode> active() {
        return Optional.ofNullable(active.get());
    }
}
