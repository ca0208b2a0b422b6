package io.boxwork.app.layers;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClassDeletionTest {
    private final ImageLabels labels = new ImageLabels("a.png", 100, 100, ImageStatus.DONE,
        List.of(Box.manual(1, 1, 0, 0, 10, 10), Box.manual(2, 2, 5, 5, 20, 20), Box.manual(3, 1, 30, 30, 40, 40)));

    @Test
    void deletingBoxesRemovesOnlyThatClass() {
        ImageLabels after = new ClassDeletion.DeleteBoxes(1).applyTo(labels);
        assertEquals(List.of(2L), after.boxes().stream().map(Box::id).toList());
        assertEquals(ImageStatus.DONE, after.status());
    }

    @Test
    void movingBoxesRelabelsThemAndKeepsTheirIdsAndCoordinates() {
        ImageLabels after = new ClassDeletion.MoveBoxes(1, 2).applyTo(labels);
        assertEquals(List.of(2, 2, 2), after.boxes().stream().map(Box::classId).toList());
        assertEquals(labels.boxes().get(2).x1(), after.boxes().get(2).x1());
    }

    @Test
    void labelsWithoutTheClassAreLeftAsTheyAre() {
        assertSame(labels, new ClassDeletion.DeleteBoxes(7).applyTo(labels));
        assertThrows(IllegalArgumentException.class, () -> new ClassDeletion.MoveBoxes(2, 2));
    }
}
