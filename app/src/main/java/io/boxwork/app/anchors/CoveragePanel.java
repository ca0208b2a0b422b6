package io.boxwork.app.anchors;

import io.boxwork.annotations.anchors.TrainingBoxes;
import io.boxwork.annotations.anchors.AnchorCoverage;
import io.boxwork.annotations.anchors.BoxCoverage;
import io.boxwork.annotations.anchors.ClassCoverage;
import io.boxwork.annotations.model.AnchorSettings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.function.Function;

/**
 * The right panel: how well the edited anchors cover the train boxes (shares at the RPN's IoU
 * thresholds, a histogram of best IoU, per class), the worst-covered boxes (a click shows one), and
 * a suggestion from the labels next to the current figures.
 */
public final class CoveragePanel extends VBox {
    private final AnchorsViewModel vm;
    private final Label summary = new Label("Reading the train split's labels…");
    private final Label at07 = figure("coverage-07");
    private final Label at05 = figure("coverage-05");
    private final Label at03 = figure("coverage-03");
    private final Label mean = figure("coverage-mean");
    private final XYChart.Series<String, Number> histogram = new XYChart.Series<>();
    private final TableView<ClassCoverage> perClass = new TableView<>();
    private final ListView<BoxCoverage> worst = new ListView<>();
    private final Label suggestionText = new Label("Propose sizes and ratios from the labelled boxes.");

    public CoveragePanel(AnchorsViewModel vm) {
        this.vm = vm;
        setId("coverage-panel");
        setSpacing(6);
        setPadding(new Insets(8));
        setPrefWidth(360);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("coverage-busy");
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.computingProperty());
        summary.setId("coverage-summary");
        summary.setWrapText(true);

        GridPane figures = new GridPane();
        figures.setHgap(10);
        figures.setVgap(2);
        figures.addRow(0, new Label("best IoU ≥ 0.7 (RPN positive)"), at07);
        figures.addRow(1, new Label("best IoU ≥ 0.5"), at05);
        figures.addRow(2, new Label("best IoU ≥ 0.3"), at03);
        figures.addRow(3, new Label("mean best IoU"), mean);

        CategoryAxis x = new CategoryAxis();
        x.setLabel("best IoU with any anchor");
        NumberAxis y = new NumberAxis();
        y.setLabel("boxes");
        y.setMinorTickVisible(false);
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("coverage-histogram");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setBarGap(1);
        chart.setCategoryGap(2);
        chart.setPrefHeight(200);
        chart.setMinHeight(160);
        for (int b = 0; b < 10; b++) histogram.getData().add(new XYChart.Data<>(bin(b), 0));
        chart.getData().add(histogram);

        perClass.setId("coverage-per-class");
        perClass.setPrefHeight(130);
        perClass.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        perClass.getColumns().add(column("class", c -> vm.className(c.classId())));
        perClass.getColumns().add(column("boxes", c -> String.valueOf(c.boxes())));
        perClass.getColumns().add(column("≥0.7", c -> percent(c.shareAtLeast07())));
        perClass.getColumns().add(column("≥0.5", c -> percent(c.shareAtLeast05())));
        perClass.getColumns().add(column("mean", c -> String.format(Locale.ROOT, "%.2f", c.meanBestIou())));

        worst.setId("worst-boxes");
        worst.setPrefHeight(180);
        worst.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(BoxCoverage b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : String.format(Locale.ROOT, "%.2f  %s  %s  %.0f×%.0f px  (%s)", b.bestIou(),
                    vm.className(b.classId()), b.imageId(), b.box().width(), b.box().height(), b.level()));
            }
        });
        worst.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.show(b);
        });

        Button suggest = new Button("Suggest from labels");
        suggest.setId("suggest-anchors");
        suggest.setOnAction(e -> vm.suggest());
        suggest.disableProperty().bind(vm.suggestingProperty().or(vm.trainingProperty().isNull()));
        Button use = new Button("Use suggestion");
        use.setId("use-suggestion");
        use.disableProperty().bind(vm.suggestionProperty().isNull());
        use.setOnAction(e -> vm.useSuggestion());
        suggestionText.setId("suggestion-text");
        suggestionText.setWrapText(true);

        vm.coverageProperty().addListener((o, a, b) -> show(b));
        vm.trainingProperty().addListener((o, a, b) -> show(vm.coverageProperty().get()));
        vm.suggestionProperty().addListener((o, a, b) -> showSuggestion(b));
        vm.suggestingProperty().addListener((o, a, b) -> {
            if (b) suggestionText.setText("Clustering the box shapes…");
        });

        getChildren().addAll(new HBox(6, heading("Coverage of the train boxes"), busy), summary, figures, chart,
            heading("Per class"), perClass,
            heading("Worst covered (click to show)"), worst,
            new Separator(), heading("Suggestion"), new HBox(6, suggest, use), suggestionText);
    }

    private void show(AnchorCoverage c) {
        TrainingBoxes t = vm.trainingProperty().get();
        if (c == null) return;
        summary.setText(c.boxes() + " boxes in " + (t == null ? "?" : t.images().size()) + " train images, measured after the model's resize");
        at07.setText(percent(c.shareAtLeast07()));
        at05.setText(percent(c.shareAtLeast05()));
        at03.setText(percent(c.shareAtLeast03()));
        mean.setText(String.format(Locale.ROOT, "%.3f", c.meanBestIou()));
        int[] h = c.histogram();
        for (int b = 0; b < h.length; b++) histogram.getData().get(b).setYValue(h[b]);
        perClass.getItems().setAll(c.perClass());
        worst.getItems().setAll(c.worst());
    }

    private void showSuggestion(SuggestedAnchors s) {
        if (s == null) {
            suggestionText.setText("Propose sizes and ratios from the labelled boxes.");
            return;
        }
        AnchorCoverage now = vm.coverageProperty().get();
        AnchorSettings a = s.settings();
        suggestionText.setText("sizes " + AnchorSettingsText.formatSizes(a.sizes()) + "\nratios " + AnchorSettingsText.formatRatios(a.aspectRatios())
            + "\n≥0.7: " + percent(s.coverage().shareAtLeast07()) + (now == null ? "" : " (now " + percent(now.shareAtLeast07()) + ")")
            + "   ≥0.5: " + percent(s.coverage().shareAtLeast05()) + (now == null ? "" : " (now " + percent(now.shareAtLeast05()) + ")")
            + "\nmean best IoU " + String.format(Locale.ROOT, "%.3f", s.coverage().meanBestIou())
            + (now == null ? "" : String.format(Locale.ROOT, " (now %.3f)", now.meanBestIou())));
    }

    static String bin(int b) {
        return String.format(Locale.ROOT, "%.1f", b / 10.0);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static Label figure(String id) {
        Label l = new Label("–");
        l.setId(id);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
        return l;
    }

    private static TableColumn<ClassCoverage, String> column(String title, Function<ClassCoverage, String> value) {
        TableColumn<ClassCoverage, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }
}
