package io.boxwork.app.ui;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.storage.MalformedFileException;
import io.boxwork.annotations.storage.Project;
import io.boxwork.app.layers.ClassDeletion;
import io.boxwork.app.layers.ClassDeletionTask;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Autosave is slow here (one hour) so only an explicit flush can have written anything; image 2
 * has a malformed labels file that must survive untouched.
 */
@ExtendWith(ApplicationExtension.class)
class NeverLoseWorkTest {
    private static final String BROKEN = "{\n  \"image\": \"img02.png\",\n  \"width\": 400,\n  \"height\": 300,\n  \"boxes\": [ {\"id\": 1,, } ]\n}\n";
    private WorkbenchFixture f;

    @Start
    void start(Stage stage) throws Exception {
        f = new WorkbenchFixture(stage, Duration.ofHours(1), dir -> {
            try (Project p = Project.openReadOnly(dir)) {
                Path file = p.labelsFile("img02.png");
                Files.createDirectories(file.getParent());
                Files.writeString(file, BROKEN, StandardCharsets.UTF_8);
            }
        });
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void quittingWritesEveryPendingEditBeforeTheWindowCloses(FxRobot robot) throws Exception {
        f.waitForPicture();
        var a = f.screen(50, 50);
        var b = f.screen(150, 150);
        robot.moveTo(a).press(MouseButton.PRIMARY).moveTo(b).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Path file = f.projectDir().resolve("labels/img01.png.json");
        assertFalse(Files.exists(file), "the one-hour debounce has not written yet");
        assertTrue(f.statusText("#status-autosave").startsWith("Saving"), f.statusText("#status-autosave"));
        assertTrue(WorkbenchFixture.fx(() -> f.window.quit()));
        try (Project p = Project.openReadOnly(f.projectDir())) {
            assertEquals(1, p.labels("img01.png").boxes().size());
        }
    }

    @Test
    void aFailedSaveIsShownAndTheEditsAreWrittenOnceTheFolderIsBack(FxRobot robot) throws Exception {
        f.waitForPicture();
        Path labels = f.projectDir().resolve("labels");
        Path aside = f.projectDir().resolve("labels-aside");
        Files.move(labels, aside);
        // A plain file where the labels folder should be: every save fails, even for root.
        Files.writeString(labels, "in the way");
        WorkbenchFixture.fx(() -> f.vm().addBox(20, 20, 120, 90));
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#error-dialog").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> f.statusText("#status-autosave").startsWith("NOT SAVED"));
        WorkbenchFixture.fx(() -> {
            robot.lookup("#error-dialog").queryAll().forEach(n -> ((Stage) n.getScene().getWindow()).close());
            return null;
        });
        Files.delete(labels);
        Files.move(aside, labels);
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> f.statusText("#status-autosave").startsWith("Saved"));
        try (Project p = Project.openReadOnly(f.projectDir())) {
            assertEquals(1, p.labels("img01.png").boxes().size());
        }
    }

    @Test
    void aMalformedLabelsFileIsReportedWithItsLineAndLeftUntouched(FxRobot robot) throws Exception {
        f.waitForPicture();
        robot.type(KeyCode.N);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#error-dialog").tryQuery().isPresent());
        String text = WorkbenchFixture.fx(() -> ((javafx.scene.control.DialogPane) robot.lookup("#error-dialog").query()).getContentText());
        assertTrue(text.contains("img02.png.json"), text);
        assertTrue(text.contains("line 5"), text);
        assertFalse(WorkbenchFixture.fx(() -> f.vm().editableProperty().get()), "the image is read-only until the file is fixed");
        WorkbenchFixture.fx(() -> {
            ((javafx.stage.Stage) robot.lookup("#error-dialog").query().getScene().getWindow()).close();
            return f.vm().addBox(10, 10, 100, 100);
        });
        f.window.session().orElseThrow().flush();
        assertEquals(BROKEN, Files.readString(f.projectDir().resolve("labels/img02.png.json")));
    }

    @Test
    void deletingAClassMovesItsBoxesInEveryLabelsFileInTheBackground() throws Exception {
        f.waitForPicture();
        WorkbenchFixture.fx(() -> {
            f.vm().chooseClass(2);
            f.vm().addBox(10, 10, 50, 50);
            f.vm().setStatus(ImageStatus.DONE);
            f.vm().open(2);
            f.vm().addBox(60, 60, 90, 90);
            return null;
        });
        var refused = new ClassDeletionTask(f.window.session().orElseThrow(), new ClassDeletion.MoveBoxes(2, 3));
        new Thread(refused).start();
        var failure = assertThrows(ExecutionException.class, () -> refused.get(10, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof MalformedFileException, failure.toString());
        try (Project p = Project.openReadOnly(f.projectDir())) {
            assertEquals(3, p.settings().classes().size(), "nothing changes while a labels file is unreadable");
            assertEquals(List.of(2), p.labels("img01.png").boxes().stream().map(Box::classId).toList());
        }
        assertArrayEquals(BROKEN.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(f.projectDir().resolve("labels/img02.png.json")));

        Files.delete(f.projectDir().resolve("labels/img02.png.json"));
        var task = new ClassDeletionTask(f.window.session().orElseThrow(), new ClassDeletion.MoveBoxes(2, 3));
        new Thread(task).start();
        List<ImageLabels> changed = task.get(10, TimeUnit.SECONDS);
        assertEquals(2, changed.size());
        WorkbenchFixture.fx(() -> {
            f.vm().reloadAfterBackgroundChange();
            return null;
        });
        try (Project p = Project.openReadOnly(f.projectDir())) {
            assertEquals(List.of("cat", "bird"), p.settings().classes().stream().map(c -> c.name()).toList());
            assertEquals(List.of(3), p.labels("img01.png").boxes().stream().map(Box::classId).toList());
            assertEquals(ImageStatus.DONE, p.labels("img01.png").status());
            assertEquals(List.of(3), p.labels("img03.png").boxes().stream().map(Box::classId).toList());
        }
        assertEquals(2, WorkbenchFixture.fx(() -> f.vm().layers().classes().size()));
        assertEquals(3, f.labels().boxes().get(0).classId());
    }
}
