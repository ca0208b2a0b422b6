package io.boxwork.app.ui;

import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.storage.Project;
import io.boxwork.app.TestProjects;
import io.boxwork.app.annotate.AnnotateMode;
import io.boxwork.app.annotate.AnnotateViewModel;
import io.boxwork.app.canvas.BoxCanvasView;
import io.boxwork.app.canvas.Viewport;
import io.boxwork.app.project.ProjectSession;
import io.boxwork.app.project.RecentProjects;
import io.boxwork.app.shell.MainWindow;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The real main window on a generated project of three 400 x 300 images and classes cat, dog, bird. */
final class WorkbenchFixture {
    final Path dir;
    final MainWindow window;

    WorkbenchFixture(Stage stage) throws IOException {
        this(stage, Duration.ofMillis(50), dir -> { });
    }

    /** @param prepare runs on the project folder before the window opens it (e.g. to break a file) */
    WorkbenchFixture(Stage stage, Duration autosaveDebounce, IoConsumer<Path> prepare) throws IOException {
        dir = Files.createTempDirectory("boxwork-ui");
        Project project = TestProjects.create(dir.resolve("project"), 3, 400, 300, List.of("cat", "dog", "bird"));
        prepare.accept(dir.resolve("project"));
        window = new MainWindow(stage, new RecentProjects(dir.resolve("recent.txt")), autosaveDebounce);
        window.createScene(880, 600);
        stage.show();
        window.show(new ProjectSession(project, autosaveDebounce));
    }

    interface IoConsumer<T> {
        void accept(T t) throws IOException;
    }

    AnnotateMode mode() {
        return window.annotate().orElseThrow();
    }

    AnnotateViewModel vm() {
        return mode().viewModel();
    }

    BoxCanvasView canvas() {
        return mode().canvas();
    }

    Path projectDir() {
        return dir.resolve("project");
    }

    /** Where image pixel (x, y) of the current image is on the screen. */
    Point2D screen(double x, double y) {
        return fx(() -> {
            Viewport v = canvas().viewport();
            return canvas().localToScreen(v.screenX(x), v.screenY(y));
        });
    }

    ImageLabels labels() {
        return fx(() -> vm().labelsProperty().get());
    }

    /** What is on disk for an image, after autosave wrote everything pending. */
    ImageLabels onDisk(String imagePath) throws Exception {
        window.session().orElseThrow().flush();
        try (Project p = Project.openReadOnly(projectDir())) {
            return p.labels(imagePath);
        }
    }

    String statusText(String id) {
        return fx(() -> ((javafx.scene.control.Label) window.root().lookup(id)).getText());
    }

    void waitForPicture() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> vm().pictureProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void close() throws IOException {
        fx(() -> window.quit());
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
