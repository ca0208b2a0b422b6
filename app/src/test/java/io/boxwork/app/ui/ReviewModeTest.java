package io.boxwork.app.ui;

import io.boxwork.annotations.geometry.NmsCandidates;
import io.boxwork.annotations.geometry.NmsWorkspace;
import io.boxwork.annotations.geometry.ThresholdNms;
import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.BoxSource;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.storage.Project;
import io.boxwork.app.LabelledProjects;
import io.boxwork.app.review.CachedPredictions;
import io.boxwork.app.review.CandidateCacheFile;
import io.boxwork.app.review.CandidateFixtures;
import io.boxwork.app.review.ImageOutcome;
import io.boxwork.app.review.PredictionOverlay;
import io.boxwork.app.review.ReviewScope;
import io.boxwork.app.review.ReviewViewModel;
import io.boxwork.app.train.FasterRcnnDetectors;
import io.boxwork.engine.detection.RawCandidates;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.boxwork.app.ui.ModelWorkbench.fx;
import static io.boxwork.app.ui.ModelWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review on a raw-candidates cache the test wrote (2,000 candidates on the first image): the
 * sliders redraw exactly the annotations module's threshold + class-wise NMS of the cached
 * candidates, and accepting predictions goes through the undoable document path.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewModeTest {
    private ModelWorkbench w;
    private Project project;
    private Path checkpoint;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("boxwork-review-ui");
        project = LabelledProjects.create(dir.resolve("project"), 6, 2, 128, List.of("red", "green"));
        project.saveLabels(ImageLabels.empty("img06.png", 128, 128));
        checkpoint = CandidateFixtures.writeCache(project, ReviewScope.ALL, Map.of("img01.png", 2000), 60);
        w = new ModelWorkbench(stage, dir, project, FasterRcnnDetectors.standard());
    }

    @AfterEach
    void close() throws Exception {
        w.close();
    }

    private ReviewViewModel vm() {
        return w.review().viewModel();
    }

    private void openReview(FxRobot robot) throws Exception {
        robot.clickOn("#mode-review");
        fx(() -> {
            vm().scopeProperty().set(ReviewScope.ALL);
            return null;
        });
        robot.clickOn("#review-run");
        waitUntil(20, () -> vm().rows().size() == 6 && !vm().runningProperty().get());
        fx(() -> {
            vm().currentImageProperty().set("img01.png");
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What the annotations module keeps of img01's cached candidates at these slider values. */
    private int[] expectedKept(double score, double nms) throws Exception {
        CachedPredictions cached = CandidateCacheFile.read(ReviewViewModel.cacheFile(checkpoint, ReviewScope.ALL));
        RawCandidates raw = cached.images().get("img01.png");
        int[] classIds = new int[raw.size()];
        for (int i = 0; i < raw.size(); i++) {
            classIds[i] = project.settings().classByName(cached.classNames().get(raw.labels()[i] - 1)).orElseThrow().id();
        }
        return ThresholdNms.apply(NmsCandidates.of(raw.boxes(), raw.scores(), classIds), (float) score, nms, 100, new NmsWorkspace());
    }

    private void dragThumb(FxRobot robot, String slider, double dx) {
        robot.drag(slider + " .thumb", MouseButton.PRIMARY).moveBy(dx, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** How many overlay pixels are drawn in the true / false positive colours. */
    private int predictionPixels() {
        WritableImage shot = fx(() -> w.review().reviewView().canvas().canvas().snapshot(null, null));
        BufferedImage img = SwingFXUtils.fromFXImage(shot, null);
        int tp = argb(PredictionOverlay.TRUE_POSITIVE), fp = argb(PredictionOverlay.FALSE_POSITIVE);
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y) | 0xff000000;
                if (p == tp || p == fp) n++;
            }
        }
        return n;
    }

    private static int argb(javafx.scene.paint.Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    @Test
    void scoreAndNmsSlidersRedrawTheAnnotationsThresholdAndNmsOfTheCachedCandidates(FxRobot robot) throws Exception {
        openReview(robot);
        assertEquals(2000, (int) fx(() -> vm().outcomeProperty().get().candidates().size()));
        int[] atDefaults = fx(() -> vm().outcomeProperty().get().kept());
        assertArrayEquals(expectedKept(0.5, 0.5), atDefaults);

        dragThumb(robot, "#review-score", -60);
        double score = fx(() -> vm().scoreThresholdProperty().get());
        assertTrue(score < 0.5, "the drag lowered the score threshold, now " + score);
        ImageOutcome lowered = fx(() -> vm().outcomeProperty().get());
        assertArrayEquals(expectedKept(score, 0.5), lowered.kept());

        dragThumb(robot, "#review-nms", 80);
        double nms = fx(() -> vm().nmsIouProperty().get());
        assertTrue(nms > 0.5, "the drag raised the NMS IoU, now " + nms);
        int[] kept = fx(() -> vm().outcomeProperty().get().kept());
        assertArrayEquals(expectedKept(score, nms), kept);
        assertFalse(Arrays.equals(atDefaults, kept), "the sliders changed what is drawn");
        assertTrue(predictionPixels() > 0, "the kept predictions are drawn in TP / FP colours");

        // Threshold at the top: nothing survives, and nothing is drawn in prediction colours.
        fx(() -> {
            vm().scoreThresholdProperty().set(1.0);
            return null;
        });
        assertEquals(0, (int) fx(() -> vm().outcomeProperty().get().kept().length));
        assertEquals(0, predictionPixels());

        // The image list and class figures follow once the sliders rest; most errors first.
        fx(() -> {
            vm().scoreThresholdProperty().set(0.2);
            return null;
        });
        waitUntil(5, () -> vm().rows().stream().mapToInt(r -> r.predictions()).sum() > 0);
        int[] errors = fx(() -> vm().rows().stream().mapToInt(r -> r.errors()).toArray());
        int[] sorted = Arrays.stream(errors).boxed().sorted((a, b) -> b - a).mapToInt(Integer::intValue).toArray();
        assertArrayEquals(sorted, errors);
        assertTrue(fx(() -> vm().metricsProperty().get().perClass().stream().allMatch(c -> c.truePositives() + c.misses() > 0)));
    }

    @Test
    void acceptingPredictionsAddsPredictedLabelsAndUndoTakesThemBack(FxRobot robot) throws Exception {
        openReview(robot);
        fx(() -> {
            vm().scoreThresholdProperty().set(0.9);
            return null;
        });
        ImageOutcome o = fx(() -> vm().outcomeProperty().get());
        assertTrue(o.kept().length > 0);
        Box target = o.predictedBox(0);
        Point2D at = fx(() -> {
            var c = w.review().reviewView().canvas();
            var v = c.viewport();
            return c.canvas().localToScreen(v.screenX((target.x1() + target.x2()) / 2), v.screenY((target.y1() + target.y2()) / 2));
        });
        robot.moveTo(at).clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        int picked = fx(() -> vm().selectedPredictionProperty().get());
        assertTrue(picked >= 0, "clicking a prediction selects it");
        Box chosen = o.predictedBox(picked);

        robot.clickOn("#review-accept-one");
        ImageLabels after = w.window.session().orElseThrow().labels("img01.png");
        List<Box> predicted = after.boxes().stream().filter(b -> b.source() == BoxSource.PREDICTED).toList();
        assertEquals(1, predicted.size());
        assertEquals(chosen.score(), predicted.get(0).score());
        assertEquals(chosen.classId(), predicted.get(0).classId());
        assertEquals(chosen.x1(), predicted.get(0).x1(), 1e-4);
        assertEquals(1, fx(() -> w.window.annotate().orElseThrow().viewModel().document("img01.png").undoDepth()), "on Annotate's undo stack");

        robot.clickOn("#review-undo");
        assertTrue(w.window.session().orElseThrow().labels("img01.png").boxes().stream().noneMatch(b -> b.source() == BoxSource.PREDICTED));

        robot.clickOn("#review-prelabel");
        ImageLabels prelabelled = w.window.session().orElseThrow().labels("img06.png");
        assertTrue(prelabelled.boxes().size() > 0 && prelabelled.boxes().stream().allMatch(b -> b.source() == BoxSource.PREDICTED),
            "the unlabelled image got predicted boxes");
        robot.clickOn("#review-undo");
        assertTrue(w.window.session().orElseThrow().labels("img06.png").boxes().isEmpty(), "undo takes the pre-labels back");
        w.window.session().orElseThrow().flush();
        try (Project p = Project.openReadOnly(project.dir())) {
            assertTrue(p.labels("img06.png").boxes().isEmpty(), "and the file agrees");
            assertEquals(1, p.labels("img01.png").boxes().size());
        }
    }
}
