package io.boxwork.app.train;

import io.boxwork.engine.train.EvaluationMetrics;
import io.boxwork.engine.train.TrainingEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunCurvesTest {
    private static TrainingEvent.Iteration step(long i, double cls, double box, double lr) {
        return new TrainingEvent.Iteration(0, i, 100, Map.of("loss_classifier", cls, "loss_box_reg", box), cls + box, lr, 4, Duration.ZERO);
    }

    @Test
    void oneTicksStepsBecomeOneAveragedPointPerSeriesAtTheLastStep() {
        RunCurves c = new RunCurves("");
        c.add(List.of(step(0, 1.0, 0.5, 0.01), step(1, 3.0, 1.5, 0.03)));
        assertEquals(1, c.loss("total").getData().size());
        assertEquals(2L, c.loss("total").getData().get(0).getXValue().longValue(), "x is the number of steps done");
        assertEquals(3.0, c.loss("total").getData().get(0).getYValue().doubleValue(), 1e-12);
        assertEquals(2.0, c.loss("loss_classifier").getData().get(0).getYValue().doubleValue(), 1e-12);
        assertEquals(0.02, c.learningRate().get(0).getData().get(0).getYValue().doubleValue(), 1e-12);
        assertEquals(3, c.losses().size(), "each loss part and the total");
    }

    @Test
    void anEvaluationAddsOneMapPointPerEpochAndSplitsTheStepsAroundIt() {
        RunCurves c = new RunCurves("");
        c.add(List.of(step(0, 1, 1, 0.1), new TrainingEvent.Evaluation(0, new EvaluationMetrics(0.6, 0.3, Map.of(), 1.0, 2)),
            step(1, 2, 2, 0.1)));
        assertEquals(2, c.loss("total").getData().size());
        assertEquals(1, c.map50().getData().size());
        assertEquals(1, c.map50().getData().get(0).getXValue().intValue(), "epochs are counted from 1");
        assertEquals(0.6, c.map50().getData().get(0).getYValue().doubleValue(), 1e-12);
        assertEquals(0.3, c.map5095().getData().get(0).getYValue().doubleValue(), 1e-12);
    }

    @Test
    void aLongPastRunIsDrawnWithAboutTheAskedNumberOfPoints() {
        List<TrainingEvent> events = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) events.add(step(i, 1, 1, 0.01));
        RunCurves c = RunCurves.of("run-1", events, 400);
        assertEquals(400, c.loss("total").getData().size());
        assertEquals("run-1 total", c.loss("total").getName());
    }
}
