package io.boxwork.app.train;

import io.boxwork.engine.train.TrainingEvent;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart series of one run: every loss part and the total by iteration, the learning rate by
 * iteration, val mAP@0.5 and mAP@[.5:.95] by epoch. Iterations arrive in batches (one per UI tick,
 * or chunks of a past run's log) and each batch becomes one averaged point, so a chart holds a few
 * hundred points however long the run.
 */
public final class RunCurves {
    private final String label;
    private final ObservableList<XYChart.Series<Number, Number>> losses = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> learningRate = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> map = FXCollections.observableArrayList();
    private final Map<String, XYChart.Series<Number, Number>> lossByName = new LinkedHashMap<>();
    private final XYChart.Series<Number, Number> lr = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> map50 = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> map5095 = new XYChart.Series<>();

    /** @param label prefixes series names ("" for the run on screen, a run id when compared) */
    public RunCurves(String label) {
        this.label = label;
        lr.setName(named("learning rate"));
        map50.setName(named("mAP@0.5"));
        map5095.setName(named("mAP@[.5:.95]"));
        learningRate.add(lr);
        map.addAll(map50, map5095);
    }

    private String named(String what) {
        return label.isEmpty() ? what : label + " " + what;
    }

    /** Adds one tick's (or one chunk's) events. */
    public void add(List<TrainingEvent> events) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        double lrSum = 0;
        int n = 0;
        long last = -1;
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.Iteration it) {
                for (Map.Entry<String, Double> p : it.lossParts().entrySet()) sums.computeIfAbsent(p.getKey(), k -> new double[1])[0] += p.getValue();
                sums.computeIfAbsent("total", k -> new double[1])[0] += it.total();
                lrSum += it.lr();
                n++;
                last = it.iteration() + 1;
            } else if (e instanceof TrainingEvent.Evaluation ev) {
                flush(sums, lrSum, n, last);
                sums.clear();
                lrSum = 0;
                n = 0;
                map50.getData().add(new XYChart.Data<>(ev.epoch() + 1, ev.metrics().map50()));
                map5095.getData().add(new XYChart.Data<>(ev.epoch() + 1, ev.metrics().map()));
            }
        }
        flush(sums, lrSum, n, last);
    }

    private void flush(Map<String, double[]> sums, double lrSum, int n, long iteration) {
        if (n == 0) return;
        for (Map.Entry<String, double[]> s : sums.entrySet()) {
            series(s.getKey()).getData().add(new XYChart.Data<>(iteration, s.getValue()[0] / n));
        }
        lr.getData().add(new XYChart.Data<>(iteration, lrSum / n));
    }

    private XYChart.Series<Number, Number> series(String part) {
        return lossByName.computeIfAbsent(part, k -> {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(named(k));
            losses.add(s);
            return s;
        });
    }

    /** A past run's whole log, in chunks of about {@code points} points per series. */
    public static RunCurves of(String label, List<TrainingEvent> events, int points) {
        RunCurves c = new RunCurves(label);
        long iterations = events.stream().filter(e -> e instanceof TrainingEvent.Iteration).count();
        int chunk = (int) Math.max(1, iterations / Math.max(1, points));
        List<TrainingEvent> pending = new java.util.ArrayList<>();
        int inChunk = 0;
        for (TrainingEvent e : events) {
            pending.add(e);
            if (e instanceof TrainingEvent.Iteration && ++inChunk == chunk) {
                c.add(pending);
                pending.clear();
                inChunk = 0;
            }
        }
        c.add(pending);
        return c;
    }

    public ObservableList<XYChart.Series<Number, Number>> losses() {
        return losses;
    }

    public ObservableList<XYChart.Series<Number, Number>> learningRate() {
        return learningRate;
    }

    public ObservableList<XYChart.Series<Number, Number>> map() {
        return map;
    }

    public XYChart.Series<Number, Number> loss(String part) {
        return lossByName.get(part);
    }

    public XYChart.Series<Number, Number> map50() {
        return map50;
    }

    public XYChart.Series<Number, Number> map5095() {
        return map5095;
    }
}
