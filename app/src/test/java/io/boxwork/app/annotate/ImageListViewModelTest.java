package io.boxwork.app.annotate;

import io.boxwork.annotations.model.ImageStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageListViewModelTest {

    @Test
    void countsFollowStatusChanges() {
        ImageListViewModel m = new ImageListViewModel(List.of("a.jpg", "b.jpg", "c.jpg"));
        assertEquals("3 images · 3 todo · 0 done · 0 reviewed", m.countsProperty().get());
        m.setStatuses(Map.of(0, ImageStatus.DONE, 2, ImageStatus.REVIEWED));
        assertEquals("3 images · 1 todo · 1 done · 1 reviewed", m.countsProperty().get());
    }

    @Test
    void statusFilterAndSearchNarrowTheList() {
        ImageListViewModel m = new ImageListViewModel(List.of("cats/1.jpg", "dogs/2.jpg", "cats/3.jpg"));
        m.setStatus(2, ImageStatus.DONE);
        m.searchProperty().set("CATS");
        assertEquals(List.of("cats/1.jpg", "cats/3.jpg"), m.shown().stream().map(ImageEntry::path).toList());
        m.statusFilterProperty().set(ImageStatus.DONE);
        assertEquals(List.of("cats/3.jpg"), m.shown().stream().map(ImageEntry::path).toList());
    }

    @Test
    void nextTodoSkipsFinishedImagesAndWrapsAround() {
        ImageListViewModel m = new ImageListViewModel(List.of("a", "b", "c", "d"));
        m.setStatuses(Map.of(0, ImageStatus.DONE, 2, ImageStatus.DONE, 3, ImageStatus.DONE));
        assertEquals(1, m.nextTodo(2).getAsInt());
        m.setStatus(1, ImageStatus.DONE);
        assertTrue(m.nextTodo(0).isEmpty());
    }
}
