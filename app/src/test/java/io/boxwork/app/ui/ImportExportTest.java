package io.boxwork.app.ui;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.storage.Project;
import io.boxwork.app.TestProjects;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import and export dialogs from the File menu, run to the end on real files. */
@ExtendWith(ApplicationExtension.class)
class ImportExportTest {
    private WorkbenchFixture f;

    @Start
    void start(Stage stage) throws Exception {
        f = new WorkbenchFixture(stage);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private void pressOk(FxRobot robot, String dialogId) {
        WorkbenchFixture.fx(() -> {
            DialogPane pane = (DialogPane) robot.lookup(dialogId).query();
            ((javafx.scene.control.Button) pane.lookupButton(ButtonType.OK)).fire();
            return null;
        });
    }

    /** Typing a long path key by key only tests the robot; the dialog reads the field's text either way. */
    private static void setText(FxRobot robot, String id, String text) {
        WorkbenchFixture.fx(() -> {
            robot.lookup(id).queryAs(javafx.scene.control.TextField.class).setText(text);
            return null;
        });
    }

    @Test
    void importingCocoEndsWithTheReportAndTheImageAppearsInTheList(FxRobot robot) throws Exception {
        Path coco = f.dir.resolve("coco");
        TestProjects.writePng(coco.resolve("images/street.png"), 64, 48, 5);
        Files.writeString(coco.resolve("annotations.json"), """
            {"images": [{"id": 1, "file_name": "street.png", "width": 64, "height": 48}],
             "annotations": [
               {"id": 1, "image_id": 1, "category_id": 7, "bbox": [4, 5, 20, 10], "area": 200, "iscrowd": 0},
               {"id": 2, "image_id": 1, "category_id": 7, "bbox": [30, 20, 10, 10], "area": 100, "iscrowd": 1}],
             "categories": [{"id": 7, "name": "car"}]}
            """);
        robot.clickOn("File").clickOn("#menu-import");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#import-source").tryQuery().isPresent());
        setText(robot, "#import-source", coco.resolve("annotations.json").toString());
        pressOk(robot, "#import-dialog");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#import-report").tryQuery().isPresent());
        String counts = WorkbenchFixture.fx(() -> ((Label) robot.lookup("#import-report-counts").query()).getText());
        assertTrue(counts.startsWith("1 skipped"), counts);
        TableView<?> items = robot.lookup("#import-report-items").queryAs(TableView.class);
        assertTrue(WorkbenchFixture.fx(() -> items.getItems().stream().anyMatch(i -> i.toString().contains("crowd"))));

        assertEquals(4, WorkbenchFixture.fx(() -> f.vm().imageList().size()), "the image list shows the imported image");
        try (Project p = Project.openReadOnly(f.projectDir())) {
            int car = p.settings().classByName("car").orElseThrow().id();
            List<Box> boxes = p.labels("street.png").boxes();
            assertEquals(1, boxes.size());
            assertEquals(car, boxes.get(0).classId());
            assertEquals(24, boxes.get(0).x2(), 1e-6);
        }
        assertEquals(4, WorkbenchFixture.fx(() -> f.vm().layers().classes().size()), "the new class has a layer");
    }

    @Test
    void exportingWritesTheChosenFormatWithTheEditsOnScreen(FxRobot robot) throws Exception {
        f.waitForPicture();
        WorkbenchFixture.fx(() -> f.vm().addBox(10, 20, 110, 220));
        Path dest = f.dir.resolve("export");
        robot.clickOn("File").clickOn("#menu-export");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#export-dest").tryQuery().isPresent());
        setText(robot, "#export-dest", dest.toString());
        pressOk(robot, "#export-dialog");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#export-finished").tryQuery().isPresent());
        String json = Files.readString(dest.resolve("annotations.json"));
        assertTrue(json.contains("[10,20,100,200]") || json.contains("[10.0,20.0,100.0,200.0]"), json);
        assertTrue(Files.isRegularFile(dest.resolve("images/img01.png")));
    }
}
