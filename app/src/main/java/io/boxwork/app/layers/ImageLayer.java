package io.boxwork.app.layers;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/** The picture under the boxes: shown or not, and its display brightness / contrast (-1..1, 0 = as is). */
public final class ImageLayer {
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", true);
    private final DoubleProperty brightness = new SimpleDoubleProperty(this, "brightness", 0);
    private final DoubleProperty contrast = new SimpleDoubleProperty(this, "contrast", 0);

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public DoubleProperty brightnessProperty() {
        return brightness;
    }

    public DoubleProperty contrastProperty() {
        return contrast;
    }
}
