package io.boxwork.app.ui;

import io.boxwork.app.LabelledProjects;
import io.boxwork.app.train.FasterRcnnDetectors;
import io.boxwork.app.review.ReviewScope;
import io.boxwork.app.review.ReviewViewModel;
import io.boxwork.app.train.PastRun;
import io.boxwork.app.train.RunCurves;
import io.boxwork.app.train.TrainViewModel;
import io.boxwork.engine.train.MetricsLog;
import io.boxwork.engine.train.TrainingEvent;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.boxwork.app.ui.ModelWorkbench.fx;
import static io.boxwork.app.ui.ModelWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One-click training of the engine's Faster R-CNN (ResNet-18-FPN, fewer proposals) on a tiny
 * generated project of 128 px images, driven through the Train mode's buttons: the charts grow while
 * it runs, Stop ends it with last.pth, Resume carries on; Review then runs the trained checkpoint.
 */
@ExtendWith(ApplicationExtension.class)
class TrainModeTest {
    private ModelWorkbench w;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("boxwork-train-ui");
        w = new ModelWorkbench(stage, dir, LabelledProjects.create(dir.resolve("project"), 6, 2, 128, List.of("red", "green")),
            FasterRcnnDetectors.standard());
    }

    @AfterEach
    void close() throws Exception {
        w.close();
    }

    private TrainViewModel vm() {
        return w.train().viewModel();
    }

    private static int points(XYChart.Series<Number, Number> s) {
        return s == null ? 0 : s.getData().size();
    }

    @Test
    void trainingOneEpochGrowsTheLossAndMapChartsAndListsTheRun(FxRobot robot) throws Exception {
        robot.clickOn("#mode-train");
        fx(() -> {
            vm().form().epochsProperty().set(1);
            vm().form().batchSizeProperty().set(2);
            vm().form().minSizeProperty().set(128);
            vm().form().maxSizeProperty().set(128);
            vm().form().fewerProposalsProperty().set(false);
            return null;
        });
        robot.clickOn("#train-fewer-proposals");
        assertTrue(fx(() -> vm().form().fewerProposalsProperty().get()), "the check box sets the form's budget");
        robot.clickOn("#train-start-button");
        waitUntil(10, () -> vm().stateProperty().get() != TrainViewModel.State.IDLE);
        waitUntil(90, () -> vm().stateProperty().get() == TrainViewModel.State.IDLE);

        RunCurves c = fx(() -> vm().curvesProperty().get());
        assertTrue(fx(() -> points(c.loss("total"))) >= 1, "the total loss chart received points");
        assertTrue(fx(() -> points(c.loss("loss_classifier"))) >= 1, "each loss part has its own series");
        assertEquals(1, (int) fx(() -> points(c.map50())), "one val evaluation, one mAP@0.5 point");
        assertEquals(1, (int) fx(() -> points(c.map5095())));
        assertTrue(fx(() -> w.train().trainView().lossChart().getData().contains(c.loss("total"))), "the chart shows the series");
        assertEquals(1.0, fx(() -> vm().progressProperty().get()), 1e-9);
        assertTrue(fx(() -> vm().log().stream().anyMatch(l -> l.startsWith("finished: completed"))), "the log says it finished");
        assertTrue(fx(() -> vm().issues().stream().noneMatch(i -> i.severity() == io.boxwork.engine.data.PreflightIssue.Severity.ERROR)),
            "the pre-launch checks ran and found nothing blocking");
        waitUntil(10, () -> vm().pastRuns().size() == 1);
        PastRun run = fx(() -> vm().pastRuns().get(0));
        assertTrue(run.resumable());
        assertInstanceOf(TrainingEvent.Finished.class, run.events().get(run.events().size() - 1));
        assertEquals(io.boxwork.engine.inference.DetectorSpec.ProposalBudget.small(), run.folder().readConfig().proposals(),
            "the run keeps the budget it trained with, for Resume and Review");

        // Review runs the checkpoint just trained over the val split, in the background, and caches the candidates.
        robot.clickOn("#mode-review");
        ReviewViewModel review = w.review().viewModel();
        waitUntil(10, () -> review.checkpointProperty().get() != null);
        Path checkpoint = fx(() -> review.checkpointProperty().get());
        assertEquals(run.folder().dir(), checkpoint.getParent());
        robot.clickOn("#review-run");
        waitUntil(60, () -> !review.runningProperty().get() && review.rows().size() == 2);
        assertTrue(Files.isRegularFile(ReviewViewModel.cacheFile(checkpoint, ReviewScope.VAL)), "the raw candidates were cached");
        assertTrue(fx(() -> review.outcomeProperty().get() != null && review.outcomeProperty().get().candidates().size() > 0),
            "the first image shows its candidates");
    }

    @Test
    void stopEndsTheRunWithLastPthAndResumeCarriesOnFromIt(FxRobot robot) throws Exception {
        robot.clickOn("#mode-train");
        fx(() -> {
            vm().form().epochsProperty().set(40);
            vm().form().batchSizeProperty().set(1);
            vm().form().fewerProposalsProperty().set(true);
            return null;
        });
        robot.clickOn("#train-start-button");
        waitUntil(90, () -> points(vm().curvesProperty().get().loss("total")) >= 2);
        robot.clickOn("#train-stop");
        waitUntil(60, () -> vm().stateProperty().get() == TrainViewModel.State.IDLE);
        waitUntil(10, () -> vm().pastRuns().size() == 1);
        PastRun run = fx(() -> vm().pastRuns().get(0));
        List<TrainingEvent> logged = MetricsLog.read(run.folder().metrics());
        TrainingEvent.Finished stopped = (TrainingEvent.Finished) logged.get(logged.size() - 1);
        assertEquals(TrainingEvent.FinishReason.STOPPED, stopped.reason());
        assertTrue(Files.isRegularFile(run.folder().last()), "stopping saved last.pth");
        long stepsBefore = stopped.iterations();

        fx(() -> {
            var list = (javafx.scene.control.ListView<?>) w.window.root().lookup("#train-runs");
            list.getSelectionModel().select(0);
            ((javafx.scene.control.ScrollPane) w.window.root().lookup("#train-left")).setVvalue(1);
            return null;
        });
        robot.clickOn("#train-resume");
        int shownBefore = fx(() -> points(vm().curvesProperty().get().loss("total")));
        assertTrue(shownBefore >= 1, "resume starts from the run's logged curve");
        waitUntil(90, () -> points(vm().curvesProperty().get().loss("total")) > shownBefore);
        robot.clickOn("#train-stop");
        waitUntil(60, () -> vm().stateProperty().get() == TrainViewModel.State.IDLE);
        List<TrainingEvent> after = MetricsLog.read(run.folder().metrics());
        TrainingEvent.Finished second = (TrainingEvent.Finished) after.get(after.size() - 1);
        assertEquals(TrainingEvent.FinishReason.STOPPED, second.reason());
        assertTrue(second.iterations() > stepsBefore, "the resumed run took more steps in the same folder");
        assertFalse(fx(() -> vm().log().isEmpty()));
    }
}
