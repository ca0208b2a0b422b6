package io.boxwork.app.ui;

import io.boxwork.annotations.storage.Project;
import io.boxwork.app.project.ProjectSession;
import io.boxwork.app.project.RecentProjects;
import io.boxwork.app.review.ReviewMode;
import io.boxwork.app.shell.MainWindow;
import io.boxwork.app.train.DetectorFactory;
import io.boxwork.app.train.TrainMode;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** The real main window, with Train and Review registered, on a project a test generated. */
final class ModelWorkbench {
    final Path dir;
    final MainWindow window;

    ModelWorkbench(Stage stage, Path dir, Project project, DetectorFactory detectors) {
        this.dir = dir;
        window = new MainWindow(stage, new RecentProjects(dir.resolve("recent.txt")), Duration.ofMillis(50));
        window.setDetectorFactory(detectors);
        window.createScene(1280, 800);
        stage.show();
        window.show(new ProjectSession(project, Duration.ofMillis(50)));
    }

    TrainMode train() {
        return window.modeSwitcher().modes().stream().filter(m -> m instanceof TrainMode).map(m -> (TrainMode) m).findFirst().orElseThrow();
    }

    ReviewMode review() {
        return window.modeSwitcher().modes().stream().filter(m -> m instanceof ReviewMode).map(m -> (ReviewMode) m).findFirst().orElseThrow();
    }

    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits, checking on the FX thread, until the condition holds. */
    static void waitUntil(int seconds, BooleanSupplier onFx) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(onFx::getAsBoolean));
        WaitForAsyncUtils.waitForFxEvents();
    }

    void close() throws IOException {
        fx(() -> window.quit());
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
