package io.boxwork.app.welcome;

import io.boxwork.annotations.model.LabelClass;
import io.boxwork.annotations.storage.Project;
import io.boxwork.app.TestProjects;
import io.boxwork.app.project.RecentProjects;
import io.boxwork.app.settings.UserSettings;
import io.boxwork.app.settings.UserSettingsStore;
import io.boxwork.app.settings.WindowPlacement;
import io.boxwork.app.shell.MainWindow;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real main window with the first-run welcome screen, on temporary config and home folders. */
@ExtendWith(ApplicationExtension.class)
class WelcomeScreenTest {
    private Path dir;
    private Stage stage;
    private MainWindow window;
    private FirstRun firstRun;
    private UserSettingsStore store;
    private Path imagesFolder;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("boxwork-welcome");
        Path shipped = dir.resolve("opt/boxwork/sample");
        TestProjects.create(shipped, 2, 200, 150, List.of("apple", "pear")).close();
        Path recentProject = dir.resolve("work/recent");
        TestProjects.create(recentProject, 1, 200, 150, List.of("boat")).close();
        imagesFolder = dir.resolve("photos");
        TestProjects.writePng(imagesFolder.resolve("a.png"), 120, 90, 1);
        TestProjects.writePng(imagesFolder.resolve("b.png"), 120, 90, 2);
        store = new UserSettingsStore(dir.resolve("config/boxwork/settings.json"));
        store.save(UserSettings.defaults().withOpened(recentProject));
        window = new MainWindow(stage, new RecentProjects(dir.resolve("recent.txt")), Duration.ofMillis(50));
        window.createScene(900, 600);
        firstRun = new FirstRun(stage, window, store, new SampleProject(Optional.of(shipped), dir.resolve("home/Boxwork/sample")), owner -> Optional.of(imagesFolder));
        firstRun.install();
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> window.quit());
    }

    @Test
    void theSampleButtonCopiesTheSampleToTheHomeFolderAndOpensIt(FxRobot robot) throws Exception {
        robot.clickOn("#welcome-sample");
        waitFor(() -> window.session().isPresent());
        Path copy = dir.resolve("home/Boxwork/sample");
        assertEquals(copy, fx(() -> window.session().orElseThrow().project().dir()).toAbsolutePath());
        assertEquals(List.of("apple", "pear"), fx(() -> window.session().orElseThrow().project().settings().classes().stream().map(LabelClass::name).toList()));
        assertEquals(copy.toString(), store.load().recentProjects().get(0));
    }

    @Test
    void aRecentProjectOpensWithADoubleClick(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#welcome-recent .list-cell").queryAll().stream().anyMatch(c -> c.isVisible() && ((javafx.scene.control.ListCell<?>) c).getItem() != null));
        ListView<?> list = robot.lookup("#welcome-recent").queryAs(ListView.class);
        assertEquals(1, list.getItems().size());
        robot.doubleClickOn(robot.lookup("#welcome-recent .list-cell").nth(0).<javafx.scene.Node>query(), MouseButton.PRIMARY);
        waitFor(() -> window.session().isPresent());
        assertEquals("recent", fx(() -> window.session().orElseThrow().project().dir().getFileName().toString()));
    }

    @Test
    void aFolderOfImagesBecomesAProjectWithTheClassNamesTyped(FxRobot robot) throws Exception {
        robot.clickOn("#welcome-new-from-folder");
        waitFor(() -> robot.lookup("#welcome-class-names").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup("#welcome-class-names").queryAs(javafx.scene.control.DialogPane.class);
        javafx.scene.control.TextField names = robot.from(pane).lookup(".text-field").queryAs(javafx.scene.control.TextField.class);
        javafx.scene.Node ok = pane.lookupButton(javafx.scene.control.ButtonType.OK);
        assertTrue(fx(ok::isDisabled), "no class name typed yet: OK waits");
        // Typed text goes through the platform's key mapping, which headless Monocle gets wrong for ','; set it directly.
        fx(() -> {
            names.setText("cat,  dog , cat");
            return null;
        });
        robot.clickOn(ok);
        waitFor(() -> window.session().isPresent());
        try (Project p = Project.openReadOnly(imagesFolder)) {
            assertEquals(List.of("cat", "dog"), p.settings().classes().stream().map(LabelClass::name).toList());
            assertEquals(List.of("a.png", "b.png"), p.images());
        }
        assertTrue(Files.exists(imagesFolder.resolve("a.png")), "the images stay where they were");
        assertEquals(imagesFolder.toAbsolutePath().normalize().toString(), store.load().recentProjects().get(0));
    }

    @Test
    void theWindowTheRecentProjectsAndTheModeAreRememberedForTheNextStart(FxRobot robot) throws Exception {
        robot.clickOn("#welcome-sample");
        waitFor(() -> window.session().isPresent());
        fx(() -> {
            stage.setX(30);
            stage.setY(40);
            stage.setWidth(1000);
            stage.setHeight(650);
            return null;
        });
        fx(() -> {
            window.quit();
            stage.hide();
            return null;
        });
        UserSettings saved = store.load();
        assertEquals(new WindowPlacement(30.0, 40.0, 1000, 650, false), saved.window());
        assertEquals(List.of(dir.resolve("home/Boxwork/sample").toString(), dir.resolve("work/recent").toString()), saved.recentProjects());
        assertEquals("annotate", saved.lastMode());

        Stage next = fx(Stage::new);
        fx(() -> {
            MainWindow second = new MainWindow(next, new RecentProjects(dir.resolve("recent.txt")), Duration.ofMillis(50));
            second.createScene(900, 600);
            new FirstRun(next, second, store, new SampleProject(Optional.empty(), dir.resolve("home/Boxwork/sample")), owner -> Optional.empty()).install();
            next.show();
            return null;
        });
        assertEquals(1000, fx(next::getWidth));
        assertEquals(650, fx(next::getHeight));
        assertEquals(30, fx(next::getX));
        ListView<?> list = robot.lookup("#welcome-recent").match(n -> n.getScene() == next.getScene()).queryAs(ListView.class);
        assertEquals(2, list.getItems().size());
        fx(() -> {
            next.hide();
            return null;
        });
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(c).get());
    }
}
