package io.boxwork.app.anchors;

import io.boxwork.annotations.anchors.FeatureLevel;
import io.boxwork.annotations.anchors.Rect;
import io.boxwork.annotations.model.AnchorSettings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The left panel: which train image, which level, the anchor settings (text fields, spinners and a
 * slider that take effect as they change), the anchors under the mouse, and Apply / Revert.
 */
public final class AnchorControls extends VBox {
    private static final String NO_WHOLE_IMAGE = "none";
    private final AnchorsViewModel vm;
    // Bidirectional bindings hold their ends weakly: these adapters must live as long as the panel.
    private final ObjectProperty<Integer> minSizeObject;
    private final ObjectProperty<Integer> maxSizeObject;
    private final ChoiceBox<String> levelChoice = new ChoiceBox<>();
    private final ChoiceBox<String> wholeImage = new ChoiceBox<>();
    private boolean updatingChoices;
    private boolean updatingSlider;

    public AnchorControls(AnchorsViewModel vm, AnchorCanvasView canvas) {
        this.vm = vm;
        setId("anchor-controls");
        setSpacing(6);
        setPadding(new Insets(8));
        setPrefWidth(270);

        ComboBox<String> image = new ComboBox<>(vm.images());
        image.setId("anchor-image");
        image.setMaxWidth(Double.MAX_VALUE);
        image.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) vm.imageIndexProperty().set(b.intValue());
        });
        vm.imageIndexProperty().addListener((o, a, b) -> image.getSelectionModel().select(b.intValue()));

        levelChoice.setId("anchor-level");
        levelChoice.setMaxWidth(Double.MAX_VALUE);
        levelChoice.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (!updatingChoices && b.intValue() >= 0) vm.levelProperty().set(b.intValue());
        });
        wholeImage.setId("anchor-whole-image-size");
        wholeImage.setMaxWidth(Double.MAX_VALUE);
        wholeImage.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (updatingChoices) return;
            vm.wholeImageSizeProperty().set(b == null || b.equals(NO_WHOLE_IMAGE) ? null : Integer.valueOf(b));
        });
        vm.geometryProperty().addListener(o -> updateChoices());
        vm.levelProperty().addListener(o -> updateChoices());

        TextField sizes = new TextField();
        sizes.setId("anchor-sizes");
        sizes.textProperty().bindBidirectional(vm.sizesTextProperty());
        sizes.setTooltip(new Tooltip("Sizes per level, finest first, levels split by ';' (5 levels with FPN, 1 without)"));
        TextField ratios = new TextField();
        ratios.setId("anchor-ratios");
        ratios.textProperty().bindBidirectional(vm.ratiosTextProperty());
        ratios.setTooltip(new Tooltip("Aspect ratios height / width, used on every level"));

        Spinner<Integer> min = spinner("anchor-min-size", 1, 4000);
        minSizeObject = vm.minSizeProperty().asObject();
        min.getValueFactory().valueProperty().bindBidirectional(minSizeObject);
        Slider minSlider = new Slider(64, 1600, vm.minSizeProperty().get());
        minSlider.setId("anchor-min-size-slider");
        minSlider.valueProperty().addListener((o, a, b) -> {
            int v = (int) Math.round(b.doubleValue());
            if (!updatingSlider && v != vm.minSizeProperty().get()) vm.minSizeProperty().set(v);
        });
        vm.minSizeProperty().addListener((o, a, b) -> {
            // A spinner value beyond the slider's range must not come back clamped.
            updatingSlider = true;
            minSlider.setValue(b.intValue());
            updatingSlider = false;
        });
        Spinner<Integer> max = spinner("anchor-max-size", 1, 8000);
        maxSizeObject = vm.maxSizeProperty().asObject();
        max.getValueFactory().valueProperty().bindBidirectional(maxSizeObject);

        Label problem = new Label();
        problem.setId("anchor-problem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #c62828;");
        problem.textProperty().bind(vm.problemProperty());

        Label hover = new Label();
        hover.setId("anchor-hover");
        hover.setWrapText(true);
        canvas.frameProperty().addListener((o, a, b) -> hover.setText(describe(b)));
        hover.setText("Move the mouse over the image to see the anchors of the cell under it.");

        Button apply = new Button("Apply to project");
        apply.setId("apply-anchors");
        apply.setDefaultButton(false);
        apply.setOnAction(e -> vm.apply());
        Button revert = new Button("Revert");
        revert.setId("revert-anchors");
        revert.setOnAction(e -> vm.revert());
        Label state = new Label();
        state.setId("anchor-saved-state");
        Runnable updateState = () -> {
            boolean same = vm.settingsProperty().get() != null && vm.settingsProperty().get().equals(vm.savedProperty().get());
            state.setText(!vm.problemProperty().get().isEmpty() ? "Fix the settings to apply them"
                : same ? "Saved in boxwork.json" : "Edited — not yet applied");
            apply.setDisable(same || !vm.problemProperty().get().isEmpty());
            revert.setDisable(same && vm.problemProperty().get().isEmpty());
        };
        vm.settingsProperty().addListener(o -> updateState.run());
        vm.savedProperty().addListener(o -> updateState.run());
        vm.problemProperty().addListener(o -> updateState.run());
        updateState.run();

        getChildren().addAll(
            caption("Train image"), image,
            caption("Feature level"), levelChoice,
            caption("All anchors of size"), wholeImage,
            new Separator(),
            caption("Anchor sizes (levels split by ;)"), sizes,
            caption("Aspect ratios (height / width)"), ratios,
            caption("Min size (short side)"), new HBox(6, min, minSlider),
            caption("Max size (long side cap)"), max,
            problem,
            new HBox(6, apply, revert), state,
            new Separator(),
            hover);
        HBox.setHgrow(minSlider, javafx.scene.layout.Priority.ALWAYS);
        updateChoices();
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static Spinner<Integer> spinner(String id, int min, int max) {
        Spinner<Integer> s = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, min, 16));
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(95);
        // Typing takes effect at once, not only on Enter, like the text fields.
        s.getEditor().textProperty().addListener((o, a, b) -> {
            try {
                int v = Integer.parseInt(b.trim());
                if (v >= min && v <= max && !Integer.valueOf(v).equals(s.getValue())) s.getValueFactory().setValue(v);
            } catch (NumberFormatException e) {
                // Half-typed numbers wait for the next keystroke; the spinner restores its value on focus loss.
            }
        });
        return s;
    }

    private void updateChoices() {
        AnchorGeometry g = vm.geometryProperty().get();
        updatingChoices = true;
        try {
            List<String> levels = new ArrayList<>();
            if (g != null) {
                for (FeatureLevel l : g.levels()) levels.add(l.name() + " · stride " + l.strideWidth() + (l.strideHeight() != l.strideWidth() ? "×" + l.strideHeight() : ""));
            }
            if (!levels.equals(levelChoice.getItems())) levelChoice.getItems().setAll(levels);
            levelChoice.getSelectionModel().select(vm.levelProperty().get());
            List<String> sizes = new ArrayList<>(List.of(NO_WHOLE_IMAGE));
            if (g != null && vm.levelProperty().get() < g.levels().size()) {
                for (int s : g.sizes(vm.levelProperty().get())) sizes.add(String.valueOf(s));
            }
            Integer whole = vm.wholeImageSizeProperty().get();
            if (!sizes.equals(wholeImage.getItems())) wholeImage.getItems().setAll(sizes);
            if (whole != null && !sizes.contains(String.valueOf(whole))) {
                vm.wholeImageSizeProperty().set(null);
                whole = null;
            }
            wholeImage.getSelectionModel().select(whole == null ? NO_WHOLE_IMAGE : String.valueOf(whole));
        } finally {
            updatingChoices = false;
        }
    }

    private String describe(OverlayFrame f) {
        AnchorGeometry.Cell c = vm.hoverProperty().get();
        if (c == null || f.hoverAnchors().isEmpty()) return "Move the mouse over the image to see the anchors of the cell under it.";
        AnchorSettings s = vm.settingsProperty().get();
        StringBuilder b = new StringBuilder("Cell row " + c.row() + ", column " + c.col() + ": " + f.hoverAnchors().size() + " anchors\n");
        for (Rect r : f.hoverAnchors()) {
            b.append(String.format("  %.0f×%.0f at (%.0f, %.0f)%n", r.width(), r.height(), r.x1(), r.y1()));
        }
        if (s != null) b.append("ratios ").append(AnchorSettingsText.formatRatios(s.aspectRatios()));
        return b.toString();
    }
}
