package io.boxwork.app.review;

import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.function.Function;

/** Review mode's layout: run bar on top, image list left, picture centre, sliders, figures and accept buttons right. */
public final class ReviewView extends BorderPane {
    private final ReviewViewModel vm;
    private final ReviewCanvas canvas;
    private final TableView<ImageRow> images = new TableView<>();
    private final TableView<ClassMetrics> classes = new TableView<>();

    public ReviewView(ReviewViewModel vm) {
        this.vm = vm;
        this.canvas = new ReviewCanvas(vm);
        setId("review-view");
        setTop(runBar());
        setLeft(imageList());
        setCenter(canvas);
        setRight(sidePanel());
        setBottom(status());
    }

    private HBox runBar() {
        ComboBox<Path> checkpoint = new ComboBox<>(vm.checkpoints());
        checkpoint.setId("review-checkpoint");
        checkpoint.valueProperty().bindBidirectional(vm.checkpointProperty());
        checkpoint.setCellFactory(l -> new PathCell());
        checkpoint.setButtonCell(new PathCell());
        checkpoint.setPrefWidth(300);
        ComboBox<ReviewScope> scope = new ComboBox<>();
        scope.getItems().setAll(ReviewScope.values());
        scope.setId("review-scope");
        scope.valueProperty().bindBidirectional(vm.scopeProperty());
        Button refresh = new Button("↻");
        refresh.setOnAction(e -> vm.rescanCheckpoints());
        Button run = new Button("Predict");
        run.setId("review-run");
        run.setDefaultButton(false);
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.run());
        Button cancel = new Button("Cancel");
        cancel.setId("review-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setId("review-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        bar.setPrefWidth(180);
        HBox box = new HBox(8, new Label("Checkpoint:"), checkpoint, refresh, new Label("over the"), scope, run, cancel, bar);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(6, 8, 6, 8));
        return box;
    }

    private VBox imageList() {
        images.setId("review-images");
        images.setItems(vm.rows());
        images.getColumns().add(column("Image", ImageRow::imagePath, 150));
        images.getColumns().add(column("Errors", ImageRow::errors, 50));
        images.getColumns().add(column("TP", ImageRow::truePositives, 36));
        images.getColumns().add(column("FP", ImageRow::falsePositives, 36));
        images.getColumns().add(column("Miss", ImageRow::misses, 40));
        images.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        images.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.currentImageProperty().set(b.imagePath());
        });
        vm.currentImageProperty().addListener((o, a, b) -> selectCurrent());
        // The rows are rebuilt when the sliders rest: keep the image on screen selected in the list.
        vm.rows().addListener((javafx.collections.ListChangeListener<ImageRow>) c -> selectCurrent());
        CheckBox sort = new CheckBox("Most errors first");
        sort.setId("review-sort-errors");
        sort.selectedProperty().bindBidirectional(vm.sortByErrorsProperty());
        VBox.setVgrow(images, Priority.ALWAYS);
        VBox box = new VBox(6, sort, images);
        box.setPadding(new Insets(0, 4, 4, 8));
        box.setPrefWidth(330);
        return box;
    }

    private void selectCurrent() {
        String current = vm.currentImageProperty().get();
        ImageRow sel = images.getSelectionModel().getSelectedItem();
        if (current == null || (sel != null && sel.imagePath().equals(current))) return;
        vm.rows().stream().filter(r -> r.imagePath().equals(current)).findFirst().ifPresent(r -> {
            images.getSelectionModel().select(r);
            images.scrollTo(r);
        });
    }

    private VBox sidePanel() {
        Label imageFigures = new Label();
        imageFigures.setId("review-image-figures");
        imageFigures.setWrapText(true);
        imageFigures.textProperty().bind(Bindings.createStringBinding(() -> {
            ImageOutcome o = vm.outcomeProperty().get();
            if (o == null) return "No predictions for this image.";
            return String.format("This image: %d kept of %d candidates — %d TP, %d FP, %d missed; precision %s, recall %s",
                o.kept().length, o.candidates().size(), o.truePositives(), o.falsePositives(), o.misses(),
                pct(o.precision()), pct(o.recall()));
        }, vm.outcomeProperty()));
        classes.setId("review-classes");
        classes.getColumns().add(column("Class", ClassMetrics::name, 64));
        classes.getColumns().add(column("P", m -> pct(m.precision()), 52));
        classes.getColumns().add(column("R", m -> pct(m.recall()), 52));
        classes.getColumns().add(column("AP", m -> pct(m.ap()), 52));
        classes.getColumns().add(column("TP", ClassMetrics::truePositives, 34));
        classes.getColumns().add(column("FP", ClassMetrics::falsePositives, 34));
        classes.getColumns().add(column("Miss", ClassMetrics::misses, 38));
        classes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        classes.setPrefHeight(160);
        Label map = new Label();
        map.setId("review-map");
        map.textProperty().bind(Bindings.createStringBinding(() -> {
            ReviewMetrics.Summary s = vm.metricsProperty().get();
            if (s == null) return "";
            return "mAP@" + String.format("%.2f", vm.matchIouProperty().get()) + " over the reviewed images: " + pct(s.mAp());
        }, vm.metricsProperty()));
        vm.metricsProperty().addListener((o, a, b) -> classes.getItems().setAll(b == null ? java.util.List.of() : b.perClass()));

        Button acceptOne = new Button("Accept selected prediction");
        acceptOne.setId("review-accept-one");
        acceptOne.disableProperty().bind(vm.selectedPredictionProperty().lessThan(0));
        acceptOne.setOnAction(e -> vm.acceptPrediction(vm.selectedPredictionProperty().get()));
        Button acceptAll = new Button("Accept all kept on this image");
        acceptAll.setId("review-accept-all");
        acceptAll.setOnAction(e -> vm.acceptAllOnImage());
        Button prelabel = new Button("Pre-label every unlabelled image");
        prelabel.setId("review-prelabel");
        prelabel.setOnAction(e -> vm.prelabelUnlabelled());
        Button undo = new Button("Undo accept");
        undo.setId("review-undo");
        undo.disableProperty().bind(vm.undoTextProperty().isEmpty());
        undo.setOnAction(e -> vm.undoAccept());
        for (Button b : new Button[] {acceptOne, acceptAll, prelabel, undo}) b.setMaxWidth(Double.MAX_VALUE);
        Label legend = new Label("green: true positive · red: false positive · orange dashed: missed label · "
            + "dashed class colour: accepted, not yet confirmed");
        legend.setWrapText(true);
        legend.setStyle("-fx-font-size: 11px; -fx-text-fill: #555;");

        VBox box = new VBox(6,
            slider("Score threshold", "review-score", vm.scoreThresholdProperty(), 0, 1),
            slider("NMS IoU", "review-nms", vm.nmsIouProperty(), 0, 1),
            slider("Match IoU (TP vs label)", "review-match", vm.matchIouProperty(), 0.05, 0.95),
            legend, new Separator(), imageFigures, map, classes, new Separator(), acceptOne, acceptAll, prelabel, undo);
        box.setPadding(new Insets(0, 8, 8, 8));
        box.setPrefWidth(340);
        return box;
    }

    private static VBox slider(String title, String id, DoubleProperty value, double min, double max) {
        Slider s = new Slider(min, max, value.get());
        s.setId(id);
        s.valueProperty().bindBidirectional(value);
        Label l = new Label();
        l.textProperty().bind(Bindings.createStringBinding(() -> title + ": " + String.format("%.2f", value.get()), value));
        return new VBox(2, l, s);
    }

    private HBox status() {
        Label message = new Label();
        message.setId("review-message");
        message.textProperty().bind(vm.messageProperty());
        HBox box = new HBox(message);
        box.setPadding(new Insets(4, 8, 4, 8));
        return box;
    }

    private static <S, T> TableColumn<S, T> column(String title, Function<S, T> value, double width) {
        TableColumn<S, T> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format("%.1f%%", 100 * v);
    }

    public ReviewCanvas canvas() {
        return canvas;
    }

    private static final class PathCell extends ListCell<Path> {
        @Override
        protected void updateItem(Path p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? null : p.getParent().getFileName() + " / " + p.getFileName());
        }
    }
}
