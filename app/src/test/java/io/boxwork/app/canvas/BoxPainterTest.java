package io.boxwork.app.canvas;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the painter puts on a real canvas, read back pixel by pixel. */
class BoxPainterTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static WritableImage paint(Set<Long> selection, Preview preview) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Canvas c = new Canvas(100, 80);
            ImageLabels labels = new ImageLabels("a.png", 50, 40, ImageStatus.TODO,
                List.of(Box.manual(1, 1, 5, 5, 25, 20), Box.manual(2, 2, 30, 10, 45, 35)));
            new BoxPainter().paint(c.getGraphicsContext2D(), new BoxPainter.Frame(labels, new Viewport(2, 0, 0), 100, 80,
                Map.of(1, Color.web("#e69f00"), 2, Color.web("#0072b2")), Map.of(1, "cat", 2, "dog"), id -> id != 3, selection, preview));
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.TRANSPARENT);
            return c.snapshot(p, null);
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void outlinesAreTwoCrispPixelsOfTheClassColourOnTheBoxEdge() throws Exception {
        WritableImage img = paint(Set.of(), Preview.NONE);
        // Box 1 spans screen x 10..50, y 10..40: its left edge covers columns 9 and 10.
        assertEquals(0xffe69f00, img.getPixelReader().getArgb(9, 25));
        assertEquals(0xffe69f00, img.getPixelReader().getArgb(10, 25));
        assertEquals(0, img.getPixelReader().getArgb(12, 25) >>> 24, "inside an unselected box stays clear");
        assertEquals(0xff0072b2, img.getPixelReader().getArgb(60, 50));
    }

    @Test
    void aSelectedBoxIsTintedAndAHiddenClassIsNotDrawn() throws Exception {
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> {
            Canvas c = new Canvas(100, 80);
            ImageLabels labels = new ImageLabels("a.png", 50, 40, ImageStatus.TODO,
                List.of(Box.manual(1, 1, 5, 5, 25, 20), Box.manual(2, 2, 30, 10, 45, 35)));
            new BoxPainter().paint(c.getGraphicsContext2D(), new BoxPainter.Frame(labels, new Viewport(2, 0, 0), 100, 80,
                Map.of(1, Color.web("#e69f00"), 2, Color.web("#0072b2")), Map.of(), id -> id == 1, Set.of(1L), Preview.NONE));
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.TRANSPARENT);
            return c.snapshot(p, null);
        }).get(10, TimeUnit.SECONDS);
        int inside = img.getPixelReader().getArgb(30, 30);
        assertEquals(0x40, inside >>> 24, 2, "a quarter-opaque tint fills the selection");
        assertEquals(0, img.getPixelReader().getArgb(60, 50) >>> 24, "the hidden class is not drawn");
    }

    @Test
    void aMovePreviewDrawsTheBoxWhereTheDragIs() throws Exception {
        WritableImage img = paint(Set.of(), new Preview.Moved(Set.of(2L), -20, 0));
        assertEquals(0, img.getPixelReader().getArgb(60, 50) >>> 24, "the box left its old place");
        assertEquals(0xff0072b2, img.getPixelReader().getArgb(20, 50));
    }
}
