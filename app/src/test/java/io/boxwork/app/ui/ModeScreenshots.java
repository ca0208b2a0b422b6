package io.boxwork.app.ui;

import io.boxwork.annotations.storage.Project;
import io.boxwork.app.LabelledProjects;
import io.boxwork.app.project.ProjectSession;
import io.boxwork.app.project.RecentProjects;
import io.boxwork.app.review.CandidateFixtures;
import io.boxwork.app.review.ReviewMode;
import io.boxwork.app.review.ReviewScope;
import io.boxwork.app.review.ReviewViewModel;
import io.boxwork.app.shell.MainWindow;
import io.boxwork.app.train.FasterRcnnDetectors;
import io.boxwork.app.train.TrainMode;
import io.boxwork.app.train.TrainViewModel;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Takes {@code docs/train.png} and {@code docs/review.png} from the real window: trains the engine's
 * Faster R-CNN (ResNet-18-FPN) for two short epochs on a generated project, then reviews raw
 * candidates from a cache written by {@link CandidateFixtures} (a two-epoch model finds nothing
 * worth showing). Run under Xvfb: {@code xvfb-run -a -s "-screen 0 1280x800x24" java -Dprism.order=sw
 * -cp <test classpath> io.boxwork.app.ui.ModeScreenshots docs}
 */
public final class ModeScreenshots {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs");
        Files.createDirectories(out);
        Path dir = Files.createTempDirectory("boxwork-shots");
        Project project = LabelledProjects.create(dir.resolve("project"), 10, 2, 256, List.of("red", "green", "blue"));
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        MainWindow window = fx(() -> {
            Stage stage = new Stage();
            MainWindow w = new MainWindow(stage, new RecentProjects(dir.resolve("recent.txt")), Duration.ofMillis(50));
            w.setDetectorFactory(FasterRcnnDetectors.standard());
            w.createScene(1280, 800);
            stage.show();
            w.show(new ProjectSession(project, Duration.ofMillis(50)));
            return w;
        });
        TrainMode train = fx(() -> (TrainMode) window.modeSwitcher().modes().stream().filter(m -> m instanceof TrainMode).findFirst().orElseThrow());
        fx(() -> {
            ((ToggleButton) window.root().lookup("#mode-train")).fire();
            TrainViewModel vm = train.viewModel();
            vm.form().epochsProperty().set(3);
            vm.form().batchSizeProperty().set(2);
            vm.form().minSizeProperty().set(256);
            vm.form().maxSizeProperty().set(256);
            vm.form().fewerProposalsProperty().set(true);
            vm.form().learningRateProperty().set("0.005");
            vm.train();
            return null;
        });
        waitFor(() -> train.viewModel().stateProperty().get() != TrainViewModel.State.IDLE, 20);
        waitFor(() -> train.viewModel().stateProperty().get() == TrainViewModel.State.IDLE, 600);
        Thread.sleep(1500);
        shot(window, out.resolve("train.png"));

        Path ckpt = CandidateFixtures.writeCache(project, ReviewScope.ALL, Map.of("img01.png", 2000), 300);
        ReviewMode review = fx(() -> (ReviewMode) window.modeSwitcher().modes().stream().filter(m -> m instanceof ReviewMode).findFirst().orElseThrow());
        fx(() -> {
            ((ToggleButton) window.root().lookup("#mode-review")).fire();
            ReviewViewModel vm = review.viewModel();
            vm.rescanCheckpoints();
            vm.checkpointProperty().set(ckpt);
            vm.scopeProperty().set(ReviewScope.ALL);
            vm.run();
            return null;
        });
        waitFor(() -> !review.viewModel().rows().isEmpty() && !review.viewModel().runningProperty().get(), 60);
        fx(() -> {
            ReviewViewModel vm = review.viewModel();
            vm.scoreThresholdProperty().set(0.72);
            vm.nmsIouProperty().set(0.4);
            vm.currentImageProperty().set("img03.png");
            return null;
        });
        Thread.sleep(1500);
        fx(() -> {
            review.viewModel().selectedPredictionProperty().set(0);
            return null;
        });
        Thread.sleep(500);
        shot(window, out.resolve("review.png"));
        fx(() -> window.quit());
        Platform.exit();
        System.exit(0);
    }

    private static void shot(MainWindow window, Path file) throws Exception {
        var image = fx(() -> window.root().getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        System.out.println("wrote " + file.toAbsolutePath());
    }

    private static void waitFor(Callable<Boolean> onFx, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!fx(onFx)) {
            if (System.nanoTime() > end) throw new IllegalStateException("timed out after " + seconds + " s");
            Thread.sleep(250);
        }
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
