package io.boxwork.app.layers;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

import java.util.List;

/**
 * napari-style layers: one row per class (visibility, lock, colour swatch, name, box count; the
 * selected row is the class of new boxes), buttons to add / rename / recolour / delete classes,
 * and the image layer with brightness and contrast.
 */
public final class LayersPanel extends VBox {

    /** What the buttons ask the window to do (they need dialogs). */
    public interface ClassActions {
        void add();

        void rename(ClassLayer layer);

        void delete(ClassLayer layer);

        void recolour(ClassLayer layer, javafx.scene.paint.Color colour);
    }

    private final ListView<ClassLayer> list = new ListView<>();

    public LayersPanel(LayersViewModel vm, ClassActions actions) {
        setId("layers-panel");
        setSpacing(6);
        setPadding(new Insets(6));
        setPrefWidth(230);
        setMinWidth(180);

        Label title = new Label("Layers");
        title.setStyle("-fx-font-weight: bold;");
        list.setId("class-layers");
        list.setItems(vm.classes());
        list.setCellFactory(v -> new LayerCell());
        list.setPrefHeight(260);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.selectedProperty().set(b);
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && list.getSelectionModel().getSelectedItem() != b) list.getSelectionModel().select(b);
        });
        vm.classes().addListener((javafx.collections.ListChangeListener<ClassLayer>) c -> {
            ClassLayer s = vm.selectedProperty().get();
            if (s != null) list.getSelectionModel().select(s);
        });
        if (vm.selectedProperty().get() != null) list.getSelectionModel().select(vm.selectedProperty().get());

        Button add = new Button("Add");
        add.setId("add-class");
        add.setOnAction(e -> actions.add());
        Button rename = new Button("Rename");
        rename.setId("rename-class");
        rename.setOnAction(e -> actions.rename(vm.selectedProperty().get()));
        Button delete = new Button("Delete");
        delete.setId("delete-class");
        delete.setOnAction(e -> actions.delete(vm.selectedProperty().get()));
        ColorPicker colour = new ColorPicker();
        colour.setId("class-colour");
        colour.setStyle("-fx-color-label-visible: false;");
        colour.setTooltip(new Tooltip("Colour of the selected class"));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null) colour.setValue(b.colour());
        });
        if (vm.selectedProperty().get() != null) colour.setValue(vm.selectedProperty().get().colour());
        colour.setOnAction(e -> {
            ClassLayer s = vm.selectedProperty().get();
            if (s != null && !s.colour().equals(colour.getValue())) actions.recolour(s, colour.getValue());
        });
        rename.disableProperty().bind(vm.selectedProperty().isNull());
        delete.disableProperty().bind(vm.selectedProperty().isNull());
        colour.disableProperty().bind(vm.selectedProperty().isNull());
        // Wraps instead of truncating the labels when the panel is narrow.
        FlowPane buttons = new FlowPane(4, 4, add, rename, delete, colour);
        buttons.setAlignment(Pos.CENTER_LEFT);
        for (var b : List.of(add, rename, delete)) b.setMinWidth(Region.USE_PREF_SIZE);

        getChildren().addAll(title, list, buttons, imageLayer(vm.image()));
    }

    public ListView<ClassLayer> list() {
        return list;
    }

    private static VBox imageLayer(ImageLayer image) {
        CheckBox shown = new CheckBox("Image");
        shown.setId("image-visible");
        shown.selectedProperty().bindBidirectional(image.visibleProperty());
        Slider brightness = slider("image-brightness", image.brightnessProperty());
        Slider contrast = slider("image-contrast", image.contrastProperty());
        Button reset = new Button("Reset");
        reset.setOnAction(e -> {
            image.brightnessProperty().set(0);
            image.contrastProperty().set(0);
        });
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        g.addRow(0, new Label("Brightness"), brightness);
        g.addRow(1, new Label("Contrast"), contrast);
        GridPane.setHgrow(brightness, Priority.ALWAYS);
        GridPane.setHgrow(contrast, Priority.ALWAYS);
        HBox head = new HBox(8, shown, spacer(), reset);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, head, g);
        box.setPadding(new Insets(6, 0, 0, 0));
        box.setStyle("-fx-border-color: derive(-fx-base, -20%) transparent transparent transparent; -fx-border-width: 1 0 0 0;");
        return box;
    }

    private static Slider slider(String id, javafx.beans.property.DoubleProperty p) {
        Slider s = new Slider(-1, 1, p.get());
        s.setId(id);
        s.valueProperty().bindBidirectional(p);
        return s;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /** One class row; rebuilt only when the cell is reused for another layer. */
    private static final class LayerCell extends ListCell<ClassLayer> {
        private final CheckBox visible = new CheckBox();
        private final ToggleButton lock = new ToggleButton();
        private final Rectangle swatch = new Rectangle(14, 14);
        private final Label name = new Label();
        private final Label count = new Label();
        private final HBox row = new HBox(6, visible, lock, swatch, name, spacer(), count);
        private ClassLayer bound;

        LayerCell() {
            row.setAlignment(Pos.CENTER_LEFT);
            visible.setTooltip(new Tooltip("Show / hide (V)"));
            lock.setTooltip(new Tooltip("Lock: its boxes cannot be selected or changed (L)"));
            lock.setStyle("-fx-padding: 0 4 0 4; -fx-font-size: 10px;");
            swatch.setStroke(javafx.scene.paint.Color.gray(0.3));
            count.setStyle("-fx-text-fill: derive(-fx-text-base-color, 40%);");
            lock.textProperty().bind(Bindings.when(lock.selectedProperty()).then("locked").otherwise("lock"));
        }

        @Override
        protected void updateItem(ClassLayer layer, boolean empty) {
            super.updateItem(layer, empty);
            if (bound != null) {
                visible.selectedProperty().unbindBidirectional(bound.visibleProperty());
                lock.selectedProperty().unbindBidirectional(bound.lockedProperty());
                name.textProperty().unbind();
                count.textProperty().unbind();
                swatch.fillProperty().unbind();
                bound = null;
            }
            if (empty || layer == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            bound = layer;
            visible.setId("visible-" + layer.classId());
            lock.setId("lock-" + layer.classId());
            name.setId("layer-name-" + layer.classId());
            visible.selectedProperty().bindBidirectional(layer.visibleProperty());
            lock.selectedProperty().bindBidirectional(layer.lockedProperty());
            name.textProperty().bind(Bindings.createStringBinding(() -> layer.labelClassProperty().get().name(), layer.labelClassProperty()));
            swatch.fillProperty().bind(Bindings.createObjectBinding(layer::colour, layer.labelClassProperty()));
            count.textProperty().bind(layer.boxCountProperty().asString());
            setText(null);
            setGraphic(row);
        }
    }
}
