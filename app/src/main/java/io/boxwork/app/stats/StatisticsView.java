package io.boxwork.app.stats;

import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.stats.ClassCount;
import io.boxwork.annotations.stats.DatasetStatistics;
import io.boxwork.annotations.stats.Distribution;
import io.boxwork.annotations.stats.Histogram;
import io.boxwork.annotations.stats.SplitStatistics;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.Locale;

/** Dataset statistics as charts: class counts, boxes per image, box sizes and shapes, per split. */
public final class StatisticsView extends BorderPane {
    private final DatasetStatistics stats;
    private final Label summary = new Label();
    private final GridPane charts = new GridPane();

    public StatisticsView(DatasetStatistics stats) {
        this.stats = stats;
        setId("statistics-view");
        ChoiceBox<Split> split = new ChoiceBox<>();
        split.getItems().add(null);
        split.getItems().addAll(Split.values());
        split.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Split s) {
                return s == null ? "All images" : s.jsonName();
            }

            @Override
            public Split fromString(String s) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        });
        split.valueProperty().addListener((o, a, b) -> show(b == null ? stats.all() : stats.split(b)));
        HBox top = new HBox(10, new Label("Split:"), split, summary);
        top.setPadding(new Insets(8));
        summary.setWrapText(true);
        HBox.setHgrow(summary, Priority.ALWAYS);
        setTop(top);
        charts.setHgap(8);
        charts.setVgap(8);
        charts.setPadding(new Insets(8));
        setCenter(charts);
        split.setValue(null);
        show(stats.all());
    }

    private void show(SplitStatistics s) {
        summary.setText(String.format(Locale.ROOT, "%d images (%d without boxes) · %d boxes (%d predicted) · %d todo · %d done · %d reviewed",
            s.images(), s.imagesWithoutBoxes(), s.boxes(), s.predictedBoxes(), s.statuses().getOrDefault(ImageStatus.TODO, 0L),
            s.statuses().getOrDefault(ImageStatus.DONE, 0L), s.statuses().getOrDefault(ImageStatus.REVIEWED, 0L)));
        BarChart<String, Number> classes = chart("Boxes per class", "class", "boxes");
        XYChart.Series<String, Number> boxes = new XYChart.Series<>();
        boxes.setName("boxes");
        XYChart.Series<String, Number> images = new XYChart.Series<>();
        images.setName("images containing it");
        for (ClassCount c : s.classes()) {
            boxes.getData().add(new XYChart.Data<>(c.name(), c.boxes()));
            images.getData().add(new XYChart.Data<>(c.name(), c.images()));
        }
        classes.getData().setAll(boxes, images);
        charts.getChildren().clear();
        charts.add(classes, 0, 0);
        charts.add(histogram("Boxes per image", "boxes", s.boxesPerImage()), 1, 0);
        BarChart<String, Number> sides = chart("Box sides (pixels)", "side", "boxes");
        sides.getData().setAll(series("width", s.boxWidth().histogram()), series("height", s.boxHeight().histogram()));
        charts.add(sides, 0, 1);
        charts.add(histogram("Box area (pixels²)", "area", s.boxArea()), 1, 1);
        for (var n : charts.getChildren()) {
            GridPane.setHgrow(n, Priority.ALWAYS);
            GridPane.setVgrow(n, Priority.ALWAYS);
        }
    }

    private static BarChart<String, Number> histogram(String title, String x, Distribution d) {
        BarChart<String, Number> c = chart(title + String.format(Locale.ROOT, " — mean %.1f, median %.1f", d.mean(), d.median()), x, "count");
        c.getData().setAll(series(x, d.histogram()));
        c.setLegendVisible(false);
        return c;
    }

    private static XYChart.Series<String, Number> series(String name, Histogram h) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (int i = 0; i < h.bins(); i++) s.getData().add(new XYChart.Data<>(h.label(i), h.counts().get(i)));
        return s;
    }

    private static BarChart<String, Number> chart(String title, String x, String y) {
        CategoryAxis xAxis = new CategoryAxis();
        xAxis.setLabel(x);
        NumberAxis yAxis = new NumberAxis();
        yAxis.setLabel(y);
        BarChart<String, Number> c = new BarChart<>(xAxis, yAxis);
        c.setTitle(title);
        c.setAnimated(false);
        c.setPrefSize(480, 300);
        return c;
    }
}
