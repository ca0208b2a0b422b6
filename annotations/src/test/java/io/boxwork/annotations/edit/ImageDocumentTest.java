package io.boxwork.annotations.edit;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.BoxSource;
import io.boxwork.annotations.model.ImageLabels;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ImageDocumentTest {

    private final ImageLabels start = ImageLabels.empty("a.jpg", 100, 80);

    @Test
    void everyEditUndoesAndRedoesExactly() {
        ImageDocument doc = new ImageDocument(start);
        List<ImageLabels> states = new ArrayList<>();
        states.add(doc.labels());
        doc.execute(Edits.add(doc.labels(), 1, 30, 20, 10, 5));
        states.add(doc.labels());
        doc.execute(Edits.add(doc.labels(), 2, 50, 50, 60, 70));
        states.add(doc.labels());
        doc.execute(Edits.move(doc.labels(), List.of(1L), 5, 5));
        states.add(doc.labels());
        doc.execute(Edits.resize(doc.labels(), 2L, 40, 40, 90, 75));
        states.add(doc.labels());
        doc.execute(Edits.relabel(doc.labels(), List.of(1L, 2L), 3));
        states.add(doc.labels());
        doc.execute(Edits.delete(doc.labels(), List.of(1L)));
        states.add(doc.labels());

        assertEquals(List.of(Box.manual(2, 3, 40, 40, 90, 75)), doc.labels().boxes());
        for (int i = states.size() - 2; i >= 0; i--) {
            assertTrue(doc.undo());
            assertEquals(states.get(i), doc.labels(), "after undo to state " + i);
        }
        assertFalse(doc.undo());
        for (int i = 1; i < states.size(); i++) {
            assertTrue(doc.redo());
            assertEquals(states.get(i), doc.labels(), "after redo to state " + i);
        }
    }

    @Test
    void drawingNormalisesCornersAndMovingStopsAtTheImageEdge() {
        ImageDocument doc = new ImageDocument(start);
        doc.execute(Edits.add(doc.labels(), 1, 30, 20, 10, 5));
        assertEquals(Box.manual(1, 1, 10, 5, 30, 20), doc.labels().boxes().get(0));
        doc.execute(Edits.move(doc.labels(), List.of(1L), 500, -500));
        assertEquals(Box.manual(1, 1, 80, 0, 100, 15), doc.labels().boxes().get(0));
    }

    @Test
    void undoingADeleteRestoresTheBoxInItsPlace() {
        ImageDocument doc = new ImageDocument(start);
        for (int i = 0; i < 3; i++) doc.execute(Edits.add(doc.labels(), 1, i, i, i + 10, i + 10));
        List<Box> before = doc.labels().boxes();
        doc.execute(Edits.delete(doc.labels(), List.of(2L)));
        doc.undo();
        assertEquals(before, doc.labels().boxes());
    }

    @Test
    void acceptingPredictionsIsOneUndoableStepAndKeepsThemMarkedPredicted() {
        ImageDocument doc = new ImageDocument(start);
        doc.execute(Edits.add(doc.labels(), 1, 0, 0, 10, 10));
        List<Box> preds = List.of(Box.predicted(100, 2, 5, 5, 20, 20, 0.9f), Box.predicted(101, 1, 90, 70, 120, 90, 0.6f),
            Box.predicted(102, 1, 200, 200, 210, 210, 0.5f));
        doc.execute(Edits.acceptPredictions(doc.labels(), preds));
        List<Box> boxes = doc.labels().boxes();
        assertEquals(3, boxes.size(), "the prediction wholly outside the image is dropped");
        assertEquals(new Box(2, 2, 5, 5, 20, 20, BoxSource.PREDICTED, 0.9f), boxes.get(1));
        assertEquals(new Box(3, 1, 90, 70, 100, 80, BoxSource.PREDICTED, 0.6f), boxes.get(2));
        assertEquals("Accept 2 predictions", doc.undoDescription().orElseThrow());
        doc.undo();
        assertEquals(1, doc.labels().boxes().size());
        doc.redo();
        doc.execute(Edits.confirm(doc.labels(), List.of(2L, 3L)));
        assertTrue(doc.labels().boxes().stream().allMatch(b -> b.source() == BoxSource.MANUAL && b.score() == null));
    }

    @Test
    void historyIsBoundedAndANewEditClearsRedo() {
        ImageDocument doc = new ImageDocument(start, 3);
        for (int i = 0; i < 5; i++) doc.execute(Edits.add(doc.labels(), 1, i, i, i + 1, i + 1));
        assertEquals(3, doc.undoDepth());
        doc.undo();
        assertTrue(doc.canRedo());
        doc.execute(Edits.add(doc.labels(), 1, 0, 0, 2, 2));
        assertFalse(doc.canRedo());
    }

    @Test
    void listenersReceiveEverySnapshot() {
        ImageDocument doc = new ImageDocument(start);
        List<Integer> counts = new ArrayList<>();
        doc.addListener(l -> counts.add(l.boxes().size()));
        doc.execute(Edits.add(doc.labels(), 1, 0, 0, 2, 2));
        doc.execute(Edits.paste(doc.labels(), doc.labels().boxes()));
        doc.undo();
        assertEquals(List.of(1, 2, 1), counts);
    }
}
