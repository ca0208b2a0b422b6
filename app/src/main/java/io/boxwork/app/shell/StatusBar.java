package io.boxwork.app.shell;

import io.boxwork.annotations.storage.AutosaveWriter;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Image i of N, zoom, cursor position in image pixels, a message, and the autosave state. */
public final class StatusBar extends HBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final StringProperty position = new SimpleStringProperty("");
    private final StringProperty zoom = new SimpleStringProperty("");
    private final StringProperty cursor = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty autosave = new SimpleStringProperty("");
    private final Label autosaveLabel = label("status-autosave", autosave);

    public StatusBar() {
        setId("status-bar");
        setSpacing(8);
        setPadding(new Insets(3, 8, 3, 8));
        setAlignment(Pos.CENTER_LEFT);
        setStyle("-fx-background-color: derive(-fx-base, -6%); -fx-border-color: derive(-fx-base, -20%); -fx-border-width: 1 0 0 0;");
        Label msg = label("status-message", message);
        msg.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(label("status-position", position), sep(), label("status-zoom", zoom), sep(),
            label("status-cursor", cursor), sep(), msg, grow, autosaveLabel);
    }

    public StringProperty positionProperty() {
        return position;
    }

    public StringProperty zoomProperty() {
        return zoom;
    }

    public StringProperty pointerProperty() {
        return cursor;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public void showAutosave(AutosaveWriter.Status s) {
        if (s == null) {
            autosave.set("");
            return;
        }
        String when = s.lastSaved() == null ? "" : " " + TIME.format(s.lastSaved());
        switch (s.state()) {
            case SAVED -> {
                autosave.set(s.lastSaved() == null ? "All changes saved" : "Saved" + when);
                autosaveLabel.setStyle("");
            }
            case PENDING -> {
                autosave.set("Saving… (" + s.pendingImages() + (s.pendingImages() == 1 ? " image)" : " images)"));
                autosaveLabel.setStyle("-fx-text-fill: #9a6700;");
            }
            case FAILED -> {
                autosave.set("NOT SAVED: " + s.error() + " (retrying; your edits are kept)");
                autosaveLabel.setStyle("-fx-text-fill: #c62828; -fx-font-weight: bold;");
            }
        }
    }

    private static Label label(String id, StringProperty text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }
}
