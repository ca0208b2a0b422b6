package io.boxwork.app.canvas;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.app.annotate.AnnotateViewModel;
import javafx.scene.Cursor;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Mouse gestures on the canvas. A drag shows a {@link Preview} while it lasts and becomes a
 * single edit on release, so one gesture is one undo step:
 * drag on empty space draws, drag on a box moves the selection, drag on a handle resizes,
 * shift-drag on empty space selects with a rubber band, shift-click toggles, click selects;
 * wheel zooms to the cursor; middle button or space + drag pans.
 */
final class CanvasGestures {
    /** Handle grab radius in screen pixels. */
    private static final double HANDLE_RADIUS = 6;
    /** How far outside a box's edge still picks it, in screen pixels. */
    private static final double PICK_SLACK = 3;
    /** A press and release closer than this is a click, not a drag. */
    private static final double CLICK_DISTANCE = 3;

    private sealed interface Gesture {
    }

    private record Idle() implements Gesture {
    }

    private record Panning(double lastX, double lastY) implements Gesture {
    }

    private record Drawing(double startX, double startY) implements Gesture {
    }

    private record Moving(double startX, double startY, Set<Long> ids) implements Gesture {
    }

    private record Resizing(double startX, double startY, Box original, Handle handle) implements Gesture {
    }

    private record Banding(double startX, double startY, Set<Long> base) implements Gesture {
    }

    private final BoxCanvasView view;
    private final AnnotateViewModel vm;
    private Gesture gesture = new Idle();
    private double pressScreenX;
    private double pressScreenY;
    private boolean panKeyDown;

    CanvasGestures(BoxCanvasView view, AnnotateViewModel vm) {
        this.view = view;
        this.vm = vm;
    }

    void install() {
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        view.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        view.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        view.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        view.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            view.cursorXProperty().set(Double.NaN);
            view.cursorYProperty().set(Double.NaN);
        });
        view.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        vm.labelsProperty().addListener((o, a, b) -> {
            if (a == null || b == null || !a.imagePath().equals(b.imagePath())) cancel();
        });
    }

    /** Space held: a primary drag pans (set by the window's key handling). */
    void setPanKey(boolean down) {
        panKeyDown = down;
        view.setCursor(down ? Cursor.OPEN_HAND : Cursor.DEFAULT);
    }

    boolean busy() {
        return !(gesture instanceof Idle);
    }

    /** Drops the drag in progress without editing anything (Escape, or another image shown). */
    void cancel() {
        gesture = new Idle();
        view.previewProperty().set(Preview.NONE);
    }

    private void pressed(MouseEvent e) {
        view.requestFocus();
        pressScreenX = e.getX();
        pressScreenY = e.getY();
        if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && panKeyDown)) {
            gesture = new Panning(e.getX(), e.getY());
            view.setCursor(Cursor.CLOSED_HAND);
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) return;
        ImageLabels labels = vm.labelsProperty().get();
        if (labels == null || !vm.editableProperty().get()) return;
        Viewport v = view.viewport();
        double x = v.imageX(e.getX()), y = v.imageY(e.getY());
        Optional<HitTest.HandleHit> handle = vm.selection().size() == 1
            ? HitTest.handleAt(vm.selectedBoxes(), x, y, HANDLE_RADIUS / v.zoom()) : Optional.empty();
        if (handle.isPresent() && !e.isShiftDown()) {
            Box b = labels.box(handle.get().boxId()).orElseThrow();
            gesture = new Resizing(x, y, b, handle.get().handle());
            return;
        }
        Optional<Box> hit = HitTest.boxAt(labels.boxes(), x, y, PICK_SLACK / v.zoom(), vm.layers()::editable);
        if (hit.isPresent()) {
            long id = hit.get().id();
            if (e.isShiftDown()) {
                vm.toggleSelected(id);
                gesture = new Idle();
                return;
            }
            if (!vm.selection().contains(id)) vm.select(List.of(id));
            gesture = new Moving(x, y, vm.selection());
            return;
        }
        if (e.isShiftDown()) gesture = new Banding(x, y, vm.selection());
        else gesture = new Drawing(x, y);
    }

    private void dragged(MouseEvent e) {
        Viewport v = view.viewport();
        double x = v.imageX(e.getX()), y = v.imageY(e.getY());
        updateCursorPosition(x, y);
        if (gesture instanceof Panning p) {
            view.viewportProperty().set(v.panBy(e.getX() - p.lastX(), e.getY() - p.lastY()));
            gesture = new Panning(e.getX(), e.getY());
        } else if (gesture instanceof Drawing d) {
            view.previewProperty().set(new Preview.NewBox(d.startX(), d.startY(), x, y));
        } else if (gesture instanceof Moving m) {
            view.previewProperty().set(new Preview.Moved(m.ids(), x - m.startX(), y - m.startY()));
        } else if (gesture instanceof Resizing r) {
            float[] c = r.handle().drag(r.original(), x - r.startX(), y - r.startY());
            view.previewProperty().set(new Preview.Resized(r.original().id(), c[0], c[1], c[2], c[3]));
        } else if (gesture instanceof Banding b) {
            view.previewProperty().set(new Preview.RubberBand(b.startX(), b.startY(), x, y));
        }
    }

    private void released(MouseEvent e) {
        Gesture g = gesture;
        cancel();
        Viewport v = view.viewport();
        double x = v.imageX(e.getX()), y = v.imageY(e.getY());
        boolean click = Math.hypot(e.getX() - pressScreenX, e.getY() - pressScreenY) < CLICK_DISTANCE;
        if (g instanceof Panning) {
            view.setCursor(panKeyDown ? Cursor.OPEN_HAND : Cursor.DEFAULT);
        } else if (g instanceof Drawing d) {
            if (click || !vm.addBox(d.startX(), d.startY(), x, y)) vm.clearSelection();
        } else if (g instanceof Moving m) {
            if (!click) vm.moveSelected(x - m.startX(), y - m.startY());
        } else if (g instanceof Resizing r) {
            if (!click) {
                float[] c = r.handle().drag(r.original(), x - r.startX(), y - r.startY());
                vm.resize(r.original().id(), c[0], c[1], c[2], c[3]);
            }
        } else if (g instanceof Banding b) {
            ImageLabels labels = vm.labelsProperty().get();
            if (labels != null) {
                Set<Long> ids = new LinkedHashSet<>(b.base());
                ids.addAll(HitTest.boxesInside(labels.boxes(), b.startX(), b.startY(), x, y, vm.layers()::editable));
                vm.select(ids);
            }
        }
    }

    private void moved(MouseEvent e) {
        Viewport v = view.viewport();
        double x = v.imageX(e.getX()), y = v.imageY(e.getY());
        updateCursorPosition(x, y);
        if (panKeyDown) return;
        Optional<HitTest.HandleHit> handle = vm.selection().size() == 1
            ? HitTest.handleAt(vm.selectedBoxes(), x, y, HANDLE_RADIUS / v.zoom()) : Optional.empty();
        if (handle.isPresent()) {
            view.setCursor(Cursor.cursor(handle.get().handle().cursorName()));
            return;
        }
        ImageLabels labels = vm.labelsProperty().get();
        boolean onBox = labels != null && HitTest.boxAt(labels.boxes(), x, y, PICK_SLACK / v.zoom(), vm.layers()::editable).isPresent();
        view.setCursor(onBox ? Cursor.MOVE : Cursor.CROSSHAIR);
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) return;
        double factor = Math.exp(e.getDeltaY() * 0.0025);
        view.viewportProperty().set(view.viewport().zoomAt(e.getX(), e.getY(), factor));
        e.consume();
    }

    private void updateCursorPosition(double x, double y) {
        ImageLabels l = vm.labelsProperty().get();
        boolean inside = l != null && x >= 0 && y >= 0 && x <= l.width() && y <= l.height();
        view.cursorXProperty().set(inside ? x : Double.NaN);
        view.cursorYProperty().set(inside ? y : Double.NaN);
    }
}
