package io.boxwork.app.train;

import io.boxwork.engine.data.PreflightIssue;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** Train mode's layout: the form, checks and runs on the left; progress, live curves and the log on the right. */
public final class TrainView extends BorderPane {
    private final TrainViewModel vm;
    private final LineChart<Number, Number> lossChart = chart("Loss", "step", true);
    private final LineChart<Number, Number> lrChart = chart("Learning rate", "step", true);
    private final LineChart<Number, Number> mapChart = chart("Val mAP", "epoch", false);
    private final ListChangeListener<XYChart.Series<Number, Number>> seriesAdded = c -> rebindCharts();
    private RunCurves bound;

    public TrainView(TrainViewModel vm) {
        this.vm = vm;
        setId("train-view");
        ScrollPane left = new ScrollPane(leftColumn());
        left.setFitToWidth(true);
        left.setId("train-left");
        left.setPrefWidth(380);
        setLeft(left);
        setCenter(rightColumn());
        vm.curvesProperty().addListener((o, a, b) -> rebindCharts());
        vm.compared().addListener((ListChangeListener<RunCurves>) c -> rebindCharts());
        rebindCharts();
    }

    private VBox leftColumn() {
        TrainForm f = vm.form();
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        ComboBox<String> backbone = new ComboBox<>();
        backbone.getItems().setAll(TrainForm.BACKBONES);
        backbone.valueProperty().bindBidirectional(f.backboneProperty());
        backbone.setId("train-backbone");
        ComboBox<StartKind> start = new ComboBox<>();
        start.getItems().setAll(StartKind.values());
        start.valueProperty().bindBidirectional(f.startKindProperty());
        start.setId("train-start");
        TextField weights = new TextField();
        weights.textProperty().bindBidirectional(f.weightsProperty());
        weights.setPromptText("weights file (.pth)");
        weights.setId("train-weights");
        weights.disableProperty().bind(f.startKindProperty().isEqualTo(StartKind.SCRATCH));
        Button browse = new Button("…");
        browse.disableProperty().bind(weights.disableProperty());
        browse.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter("PyTorch weights", "*.pth", "*.pt"));
            File file = c.showOpenDialog(getScene().getWindow());
            if (file != null) f.weightsProperty().set(file.getAbsolutePath());
        });
        HBox weightsRow = new HBox(4, weights, browse);
        HBox.setHgrow(weights, Priority.ALWAYS);
        TextField lr = new TextField();
        lr.textProperty().bindBidirectional(f.learningRateProperty());
        lr.setId("train-lr");
        ComboBox<DeviceChoice> device = new ComboBox<>(f.devices());
        device.valueProperty().bindBidirectional(f.deviceProperty());
        device.setId("train-device");
        int row = 0;
        g.addRow(row++, new Label("Backbone"), backbone);
        g.addRow(row++, new Label("Start from"), start);
        g.addRow(row++, new Label("Weights"), weightsRow);
        g.addRow(row++, new Label("Epochs"), spinner(f.epochsProperty(), 1, 1000, "train-epochs"));
        g.addRow(row++, new Label("Batch size"), spinner(f.batchSizeProperty(), 1, 64, "train-batch"));
        g.addRow(row++, new Label("Learning rate"), lr);
        g.addRow(row++, new Label("Min image side"), spinner(f.minSizeProperty(), 32, 4096, "train-min-size"));
        g.addRow(row++, new Label("Max image side"), spinner(f.maxSizeProperty(), 32, 8192, "train-max-size"));
        Spinner<Integer> layers = spinner(f.trainableLayersProperty(), 0, 5, "train-layers");
        // torchvision's rule, which the engine follows: a backbone from scratch trains every stage.
        layers.disableProperty().bind(f.startKindProperty().isEqualTo(StartKind.SCRATCH));
        layers.setTooltip(new javafx.scene.control.Tooltip(
            "ResNet stages trained from layer4 down; from scratch all five train, with batch norm"));
        g.addRow(row++, new Label("Trainable layers"), layers);
        CheckBox fewerProposals = new CheckBox("Fewer proposals");
        fewerProposals.setId("train-fewer-proposals");
        fewerProposals.selectedProperty().bindBidirectional(f.fewerProposalsProperty());
        fewerProposals.setTooltip(new javafx.scene.control.Tooltip(
            "300 RPN proposals per training image instead of torchvision's 2000, 150 instead of 1000 when predicting;"
                + " about twice as fast on small images. Kept with the run, so resuming and reviewing use it too."));
        g.addRow(row++, new Label("Proposals"), fewerProposals);
        g.addRow(row, new Label("Device"), device);
        g.disableProperty().bind(vm.busyProperty());

        Button train = new Button("Train");
        train.setId("train-start-button");
        train.setDefaultButton(false);
        train.setStyle("-fx-font-weight: bold;");
        train.disableProperty().bind(vm.busyProperty());
        train.setOnAction(e -> vm.train());
        Button stop = new Button("Stop");
        stop.setId("train-stop");
        stop.disableProperty().bind(vm.stateProperty().isNotEqualTo(TrainViewModel.State.RUNNING));
        stop.setOnAction(e -> vm.stop());
        Button check = new Button("Check project");
        check.setId("train-check");
        check.disableProperty().bind(vm.busyProperty());
        check.setOnAction(e -> vm.check(r -> { }));
        HBox buttons = new HBox(8, train, stop, check);
        buttons.setAlignment(Pos.CENTER_LEFT);

        ListView<PreflightIssue> issues = new ListView<>(vm.issues());
        issues.setId("train-issues");
        issues.setPrefHeight(120);
        issues.setCellFactory(l -> new IssueCell());
        Label noIssues = new Label();
        noIssues.setWrapText(true);
        noIssues.textProperty().bind(Bindings.when(vm.checkedProperty())
            .then("✔ The checks found nothing to fix.").otherwise("Train (or Check project) runs the pre-launch checks first."));
        issues.setPlaceholder(noIssues);

        ListView<PastRun> runs = new ListView<>(vm.pastRuns());
        runs.setId("train-runs");
        runs.setPrefHeight(110);
        runs.setCellFactory(l -> new RunCell());
        runs.setPlaceholder(new Label("No runs yet."));
        Button open = new Button("Open");
        open.setId("train-open-run");
        open.disableProperty().bind(vm.busyProperty().or(runs.getSelectionModel().selectedItemProperty().isNull()));
        open.setOnAction(e -> vm.open(runs.getSelectionModel().getSelectedItem()));
        Button resume = new Button("Resume");
        resume.setId("train-resume");
        resume.disableProperty().bind(vm.busyProperty().or(runs.getSelectionModel().selectedItemProperty().isNull()));
        resume.setOnAction(e -> vm.resume(runs.getSelectionModel().getSelectedItem()));
        Button refresh = new Button("↻");
        refresh.setOnAction(e -> vm.refreshPastRuns());
        HBox runButtons = new HBox(8, open, resume, refresh);

        VBox box = new VBox(8, title("Training"), g, buttons, title("Pre-launch checks"), issues,
            title("Runs (tick to compare)"), runs, runButtons);
        box.setPadding(new Insets(8));
        return box;
    }

    private VBox rightColumn() {
        ProgressBar bar = new ProgressBar();
        bar.setId("train-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label progress = new Label();
        progress.setId("train-progress-text");
        progress.textProperty().bind(vm.progressTextProperty());
        Label message = new Label();
        message.setId("train-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Label state = new Label();
        state.textProperty().bind(Bindings.createStringBinding(() -> vm.stateProperty().get().name().toLowerCase(), vm.stateProperty()));
        state.setStyle("-fx-font-weight: bold;");
        HBox status = new HBox(8, state, progress);
        GridPane charts = new GridPane();
        charts.add(lossChart, 0, 0, 2, 1);
        charts.add(lrChart, 0, 1);
        charts.add(mapChart, 1, 1);
        for (LineChart<?, ?> c : List.of(lossChart, lrChart, mapChart)) {
            GridPane.setHgrow(c, Priority.ALWAYS);
            GridPane.setVgrow(c, Priority.ALWAYS);
            c.setMinHeight(120);
            c.setPrefHeight(200);
        }
        ListView<String> log = new ListView<>(vm.log());
        log.setId("train-log");
        log.setPrefHeight(130);
        log.setMinHeight(110);
        vm.log().addListener((ListChangeListener<String>) c -> {
            if (!vm.log().isEmpty()) log.scrollTo(vm.log().size() - 1);
        });
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox box = new VBox(6, bar, status, message, charts, log);
        box.setPadding(new Insets(8));
        return box;
    }

    /** Points the charts at the shown run's series plus the compared runs' totals and mAP. */
    private void rebindCharts() {
        RunCurves c = vm.curvesProperty().get();
        if (bound != c) {
            if (bound != null) bound.losses().removeListener(seriesAdded);
            bound = c;
            c.losses().addListener(seriesAdded);
        }
        List<XYChart.Series<Number, Number>> losses = new ArrayList<>(c.losses());
        List<XYChart.Series<Number, Number>> maps = new ArrayList<>(c.map());
        for (RunCurves other : vm.compared()) {
            XYChart.Series<Number, Number> total = other.loss("total");
            if (total != null) losses.add(total);
            maps.add(other.map50());
        }
        lossChart.getData().setAll(losses);
        lrChart.getData().setAll(c.learningRate());
        mapChart.getData().setAll(maps);
    }

    private static LineChart<Number, Number> chart(String title, String xLabel, boolean lines) {
        NumberAxis x = new NumberAxis();
        x.setLabel(xLabel);
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(!lines);
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setTitle(title);
        c.setAnimated(false);
        c.setCreateSymbols(!lines);
        c.setId("train-chart-" + title.toLowerCase().replace(' ', '-'));
        return c;
    }

    private static Spinner<Integer> spinner(javafx.beans.property.IntegerProperty p, int min, int max, String id) {
        Spinner<Integer> s = new Spinner<>(min, max, p.get());
        s.setEditable(true);
        s.setId(id);
        s.setPrefWidth(110);
        s.valueProperty().addListener((o, a, b) -> {
            if (b != null) p.set(b);
        });
        p.addListener((o, a, b) -> s.getValueFactory().setValue(b.intValue()));
        return s;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
        return l;
    }

    public LineChart<Number, Number> lossChart() {
        return lossChart;
    }

    public LineChart<Number, Number> lrChart() {
        return lrChart;
    }

    public LineChart<Number, Number> mapChart() {
        return mapChart;
    }

    private static final class IssueCell extends ListCell<PreflightIssue> {
        @Override
        protected void updateItem(PreflightIssue issue, boolean empty) {
            super.updateItem(issue, empty);
            if (empty || issue == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            boolean error = issue.severity() == PreflightIssue.Severity.ERROR;
            Label what = new Label((error ? "✖ " : "⚠ ") + issue.message());
            what.setWrapText(true);
            what.setStyle(error ? "-fx-text-fill: #b91c1c;" : "-fx-text-fill: #92400e;");
            Label fix = new Label("Fix: " + issue.fix());
            fix.setWrapText(true);
            fix.setStyle("-fx-font-size: 11px;");
            VBox box = new VBox(2, what, fix);
            box.setMaxWidth(330);
            what.setMaxWidth(330);
            fix.setMaxWidth(330);
            setText(null);
            setGraphic(box);
        }
    }

    private final class RunCell extends ListCell<PastRun> {
        @Override
        protected void updateItem(PastRun run, boolean empty) {
            super.updateItem(run, empty);
            if (empty || run == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            CheckBox compare = new CheckBox(run.summary());
            compare.setWrapText(true);
            compare.setMaxWidth(320);
            compare.setSelected(vm.compared().stream().anyMatch(c -> c.map50().getName().startsWith(run.id() + " ")));
            compare.selectedProperty().addListener((o, a, b) -> vm.setCompared(run, b));
            setText(null);
            setGraphic(compare);
        }
    }
}
