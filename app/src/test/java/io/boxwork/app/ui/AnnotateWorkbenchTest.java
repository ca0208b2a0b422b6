package io.boxwork.app.ui;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import javafx.geometry.Point2D;
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

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The annotate mode driven with the mouse and keyboard, checked in the view-model and on disk. */
@ExtendWith(ApplicationExtension.class)
class AnnotateWorkbenchTest {
    private WorkbenchFixture f;

    @Start
    void start(Stage stage) throws Exception {
        f = new WorkbenchFixture(stage);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private void drag(FxRobot robot, double x1, double y1, double x2, double y2) {
        Point2D a = f.screen(x1, y1), b = f.screen(x2, y2);
        robot.moveTo(a).press(MouseButton.PRIMARY).moveTo(a.add(3, 3)).moveTo(b).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void click(FxRobot robot, double x, double y) {
        robot.moveTo(f.screen(x, y)).clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void ctrl(FxRobot robot, KeyCode... keys) {
        robot.press(KeyCode.CONTROL);
        for (KeyCode k : keys) robot.press(k);
        for (int i = keys.length - 1; i >= 0; i--) robot.release(keys[i]);
        robot.release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void assertBox(Box b, int classId, double x1, double y1, double x2, double y2) {
        double tol = 1.5;
        assertEquals(classId, b.classId(), "class of " + b);
        assertEquals(x1, b.x1(), tol, "x1 of " + b);
        assertEquals(y1, b.y1(), tol, "y1 of " + b);
        assertEquals(x2, b.x2(), tol, "x2 of " + b);
        assertEquals(y2, b.y2(), tol, "y2 of " + b);
    }

    @Test
    void drawingABoxWithTheMouseAddsItToTheSelectedLayerAndAutosavesIt(FxRobot robot) throws Exception {
        f.waitForPicture();
        drag(robot, 50, 40, 150, 120);
        ImageLabels l = f.labels();
        assertEquals(1, l.boxes().size());
        assertBox(l.boxes().get(0), 1, 50, 40, 150, 120);
        assertEquals(Set.of(l.boxes().get(0).id()), f.vm().selection());
        assertBox(f.onDisk("img01.png").boxes().get(0), 1, 50, 40, 150, 120);
        assertEquals(1, f.vm().layers().layer(1).orElseThrow().boxCountProperty().get());
    }

    @Test
    void clickShiftClickAndRubberBandSelectBoxes(FxRobot robot) throws Exception {
        f.waitForPicture();
        drag(robot, 20, 20, 80, 80);
        drag(robot, 200, 20, 260, 80);
        drag(robot, 300, 200, 380, 280);
        List<Box> boxes = f.labels().boxes();
        click(robot, 30, 30);
        assertEquals(Set.of(boxes.get(0).id()), f.vm().selection());
        robot.press(KeyCode.SHIFT);
        click(robot, 210, 30);
        robot.release(KeyCode.SHIFT);
        assertEquals(Set.of(boxes.get(0).id(), boxes.get(1).id()), f.vm().selection());
        click(robot, 150, 250);
        assertTrue(f.vm().selection().isEmpty(), "a click on empty space clears the selection");
        robot.press(KeyCode.SHIFT);
        drag(robot, 180, 10, 395, 295);
        robot.release(KeyCode.SHIFT);
        assertEquals(Set.of(boxes.get(1).id(), boxes.get(2).id()), f.vm().selection());
        assertEquals(3, f.labels().boxes().size(), "selecting never draws");
    }

    @Test
    void movingAndResizingWithTheMouseAreEachOneUndoStep(FxRobot robot) throws Exception {
        f.waitForPicture();
        drag(robot, 100, 100, 200, 180);
        drag(robot, 150, 140, 190, 160);
        assertBox(f.labels().boxes().get(0), 1, 140, 120, 240, 200);
        drag(robot, 240, 200, 280, 250);
        assertBox(f.labels().boxes().get(0), 1, 140, 120, 280, 250);
        ctrl(robot, KeyCode.Z);
        assertBox(f.labels().boxes().get(0), 1, 140, 120, 240, 200);
        ctrl(robot, KeyCode.Z);
        assertBox(f.labels().boxes().get(0), 1, 100, 100, 200, 180);
        ctrl(robot, KeyCode.SHIFT, KeyCode.Z);
        assertBox(f.labels().boxes().get(0), 1, 140, 120, 240, 200);
        ctrl(robot, KeyCode.Y);
        assertBox(f.labels().boxes().get(0), 1, 140, 120, 280, 250);
        assertBox(f.onDisk("img01.png").boxes().get(0), 1, 140, 120, 280, 250);
    }

    @Test
    void numberKeysRelabelArrowsNudgeAndDeleteRemovesThenUndoBringsBack(FxRobot robot) throws Exception {
        f.waitForPicture();
        drag(robot, 100, 100, 200, 180);
        robot.type(KeyCode.DIGIT2);
        assertEquals(2, f.labels().boxes().get(0).classId());
        assertEquals(2, f.fx(() -> f.vm().layers().selectedProperty().get().classId()), "the number also picks the class of new boxes");
        robot.type(KeyCode.RIGHT);
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertBox(f.labels().boxes().get(0), 2, 101, 110, 201, 190);
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(f.labels().boxes().isEmpty());
        assertTrue(f.onDisk("img01.png").boxes().isEmpty());
        ctrl(robot, KeyCode.Z);
        assertBox(f.labels().boxes().get(0), 2, 101, 110, 201, 190);
        assertEquals(1, f.onDisk("img01.png").boxes().size());
    }

    @Test
    void nAndBNavigateKeepingEachImagesLabelsAndStatusOnDisk(FxRobot robot) throws Exception {
        f.waitForPicture();
        drag(robot, 10, 10, 60, 60);
        robot.type(KeyCode.D);
        robot.type(KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, f.vm().indexProperty().get());
        assertEquals("img02.png", f.labels().imagePath());
        f.waitForPicture();
        drag(robot, 100, 100, 300, 200);
        ctrl(robot, KeyCode.SHIFT, KeyCode.V);
        assertEquals(2, f.labels().boxes().size(), "the previous image's box was pasted");
        robot.type(KeyCode.B);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("img01.png", f.labels().imagePath());
        assertEquals(1, f.labels().boxes().size());
        robot.type(KeyCode.U);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("img02.png", f.labels().imagePath(), "u goes to the next image still todo");
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("img03.png", f.labels().imagePath());
        ImageLabels first = f.onDisk("img01.png");
        assertEquals(ImageStatus.DONE, first.status());
        assertBox(first.boxes().get(0), 1, 10, 10, 60, 60);
        assertEquals(2, f.onDisk("img02.png").boxes().size());
        assertEquals("1 done", f.fx(() -> f.vm().imageList().countsProperty().get()).split(" · ")[2]);
    }

    @Test
    void aHiddenLayerIsNotDrawnOrPickedAndALockedLayerRefusesEdits(FxRobot robot) throws Exception {
        f.waitForPicture();
        drag(robot, 100, 100, 200, 180);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(f.vm().selection().isEmpty());
        // The edge where the drawn box really is (the mouse lands on whole screen pixels).
        float left = f.labels().boxes().get(0).x1();
        int edgeColour = canvasPixel(left, 140);
        assertEquals(0xe69f00, edgeColour & 0xffffff, "the class colour #e69f00 is on the box's edge, was " + Integer.toHexString(edgeColour));

        robot.clickOn("#visible-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(f.vm().layers().layer(1).orElseThrow().visibleProperty().get());
        assertEquals(0, canvasPixel(left, 140) >>> 24, "a hidden layer leaves the canvas transparent there");
        click(robot, 150, 140);
        assertTrue(f.vm().selection().isEmpty(), "boxes of a hidden layer cannot be picked");
        robot.clickOn("#visible-1");

        robot.clickOn("#lock-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(f.vm().layers().layer(1).orElseThrow().lockedProperty().get());
        drag(robot, 150, 140, 250, 250);
        assertBox(f.labels().boxes().get(0), 1, 100, 100, 200, 180);
        assertEquals(1, f.labels().boxes().size(), "a locked layer gets no new boxes either");
        robot.clickOn("#lock-1");
        WaitForAsyncUtils.waitForFxEvents();
        drag(robot, 150, 140, 160, 150);
        assertBox(f.labels().boxes().get(0), 1, 110, 110, 210, 190);
        assertBox(f.onDisk("img01.png").boxes().get(0), 1, 110, 110, 210, 190);
    }

    @Test
    void copyPasteAndTheHelpOverlay(FxRobot robot) throws Exception {
        f.waitForPicture();
        drag(robot, 100, 100, 200, 180);
        ctrl(robot, KeyCode.C);
        ctrl(robot, KeyCode.V);
        List<Box> boxes = f.labels().boxes();
        assertEquals(2, boxes.size());
        assertEquals(Set.of(boxes.get(1).id()), f.vm().selection(), "the pasted copy is selected");
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(f.window.help().isVisible());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(f.window.help().isVisible());
    }

    @Test
    void theWheelZoomsAtTheCursorAndTheMiddleButtonPans(FxRobot robot) throws Exception {
        f.waitForPicture();
        javafx.geometry.Point2D cursor = f.screen(300, 200);
        robot.moveTo(cursor);
        double before = WorkbenchFixture.fx(() -> f.canvas().viewport().zoom());
        robot.scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        var v = WorkbenchFixture.fx(() -> f.canvas().viewport());
        assertTrue(v.zoom() != before, "the wheel changed the zoom");
        assertEquals(cursor.getX(), f.screen(300, 200).getX(), 1.5, "the image point under the cursor stays under it");
        assertEquals(cursor.getY(), f.screen(300, 200).getY(), 1.5);
        javafx.geometry.Point2D a = f.screen(100, 100);
        robot.moveTo(a).press(MouseButton.MIDDLE).moveTo(a.add(40, 25)).release(MouseButton.MIDDLE);
        WaitForAsyncUtils.waitForFxEvents();
        var panned = WorkbenchFixture.fx(() -> f.canvas().viewport());
        assertEquals(v.offsetX() + 40, panned.offsetX(), 1.5);
        assertEquals(v.offsetY() + 25, panned.offsetY(), 1.5);
        javafx.geometry.Point2D b = f.screen(100, 100);
        robot.press(KeyCode.SPACE).moveTo(b).press(MouseButton.PRIMARY).moveTo(b.add(-40, -25)).release(MouseButton.PRIMARY).release(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        var back = WorkbenchFixture.fx(() -> f.canvas().viewport());
        assertEquals(v.offsetX(), back.offsetX(), 1.5, "space + drag pans too");
        assertEquals(v.offsetY(), back.offsetY(), 1.5);
        assertTrue(f.labels().boxes().isEmpty(), "panning never draws");
    }

    /** ARGB of the canvas pixel at image point (x, y). */
    private int canvasPixel(double x, double y) {
        return WorkbenchFixture.fx(() -> {
            var v = f.canvas().viewport();
            javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
            p.setFill(javafx.scene.paint.Color.TRANSPARENT);
            var img = f.canvas().canvas().snapshot(p, null);
            return img.getPixelReader().getArgb((int) Math.round(v.screenX(x)), (int) Math.round(v.screenY(y)));
        });
    }
}
