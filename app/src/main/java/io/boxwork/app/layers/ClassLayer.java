package io.boxwork.app.layers;

import io.boxwork.annotations.model.LabelClass;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.paint.Color;

/** One class as a layer (napari-style): what it is, whether it is shown, whether it can be edited. */
public final class ClassLayer {
    private final ObjectProperty<LabelClass> labelClass;
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", true);
    private final BooleanProperty locked = new SimpleBooleanProperty(this, "locked", false);
    private final IntegerProperty boxCount = new SimpleIntegerProperty(this, "boxCount", 0);

    public ClassLayer(LabelClass labelClass) {
        this.labelClass = new SimpleObjectProperty<>(this, "labelClass", labelClass);
    }

    public int classId() {
        return labelClass.get().id();
    }

    public String name() {
        return labelClass.get().name();
    }

    public Color colour() {
        return Color.web(labelClass.get().color());
    }

    public ObjectProperty<LabelClass> labelClassProperty() {
        return labelClass;
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public BooleanProperty lockedProperty() {
        return locked;
    }

    /** Boxes of this class in the image on screen. */
    public IntegerProperty boxCountProperty() {
        return boxCount;
    }

    /** Its boxes can be picked, moved and changed: shown and not locked. */
    public boolean editable() {
        return visible.get() && !locked.get();
    }
}
