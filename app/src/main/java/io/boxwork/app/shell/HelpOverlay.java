package io.boxwork.app.shell;

import io.boxwork.app.shortcuts.ActionId;
import io.boxwork.app.shortcuts.Shortcuts;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Map;

/** The keyboard shortcuts, straight from the one {@link Shortcuts} table, over the window (F1 or ?). */
public final class HelpOverlay extends StackPane {

    public HelpOverlay(Shortcuts shortcuts) {
        setId("help-overlay");
        setStyle("-fx-background-color: rgba(0,0,0,0.55);");
        GridPane table = new GridPane();
        table.setHgap(24);
        table.setVgap(3);
        int row = 0;
        for (Map.Entry<ActionId, List<String>> e : shortcuts.byAction().entrySet()) {
            Label keys = new Label(String.join("  /  ", e.getValue()));
            keys.setStyle("-fx-font-family: monospace; -fx-font-weight: bold;");
            table.addRow(row++, keys, new Label(e.getKey().label()));
        }
        Label title = new Label("Keyboard shortcuts");
        title.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        Label mouse = new Label("Mouse: drag on empty space draws a box in the selected layer's class · click selects · "
            + "shift-click adds / removes · shift-drag selects with a rubber band · drag a box to move it · drag a handle to "
            + "resize · wheel zooms to the cursor · middle button or space + drag pans");
        mouse.setWrapText(true);
        Label close = new Label("Press F1 or Esc, or click, to close.");
        VBox card = new VBox(10, title, new ScrollPane(table), mouse, close);
        card.setPadding(new Insets(16));
        card.setMaxSize(640, 560);
        card.setStyle("-fx-background-color: -fx-background; -fx-background-radius: 6; -fx-effect: dropshadow(gaussian, black, 12, 0, 0, 2);");
        StackPane.setAlignment(card, Pos.CENTER);
        getChildren().add(card);
        setVisible(false);
        setOnMouseClicked(e -> setVisible(false));
    }

    public void toggle() {
        setVisible(!isVisible());
    }
}
