package io.boxwork.app.annotate;

import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.storage.AutosaveWriter;
import io.boxwork.app.canvas.BoxCanvasView;
import io.boxwork.app.layers.ClassDialogs;
import io.boxwork.app.layers.ClassLayer;
import io.boxwork.app.layers.LayersPanel;
import io.boxwork.app.shell.ErrorDialogs;
import io.boxwork.app.shell.Mode;
import io.boxwork.app.shell.StatusBar;
import io.boxwork.app.shortcuts.ActionId;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.stage.Window;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/** Annotate: layers on the left, the canvas in the middle, the image list on the right. */
public final class AnnotateMode implements Mode {
    private final AnnotateViewModel vm;
    private final BoxCanvasView canvas;
    private final LayersPanel layersPanel;
    private final ImageListPanel imageListPanel;
    private final SplitPane view;
    private final Map<ActionId, Runnable> actions = new EnumMap<>(ActionId.class);
    private final StatusBar statusBar;
    private final InvalidationListener statusUpdater;

    public AnnotateMode(AnnotateViewModel vm, StatusBar statusBar, Supplier<Window> owner, ErrorDialogs errors) {
        this.vm = vm;
        this.statusBar = statusBar;
        this.canvas = new BoxCanvasView(vm);
        this.layersPanel = new LayersPanel(vm.layers(), new ClassDialogs(vm, owner, errors));
        this.imageListPanel = new ImageListPanel(vm);
        this.view = new SplitPane(layersPanel, canvas, imageListPanel);
        view.setDividerPositions(0.19, 0.81);
        SplitPane.setResizableWithParent(layersPanel, false);
        SplitPane.setResizableWithParent(imageListPanel, false);
        vm.setErrorHandler(errors::show);
        bindActions();
        statusUpdater = o -> updateStatus();
        vm.indexProperty().addListener(statusUpdater);
        vm.labelsProperty().addListener(statusUpdater);
        canvas.viewportProperty().addListener(statusUpdater);
        canvas.cursorXProperty().addListener(statusUpdater);
        canvas.cursorYProperty().addListener(statusUpdater);
        vm.autosaveStatusProperty().addListener((o, a, b) -> {
            statusBar.showAutosave(b);
            // Said once when saving starts failing, not on every retry; the status bar keeps saying it.
            if (b != null && b.state() == AutosaveWriter.State.FAILED && (a == null || a.state() != AutosaveWriter.State.FAILED)) {
                errors.show("Autosave failed: your edits are kept in memory and saving is retried",
                    new java.io.IOException(b.error()));
            }
        });
        vm.messageProperty().addListener((o, a, b) -> statusBar.messageProperty().set(b));
        vm.selectionProperty().addListener((o, a, b) -> statusBar.messageProperty().set(b.isEmpty() ? "" : b.size() + " selected"));
        statusBar.showAutosave(vm.autosaveStatusProperty().get());
        updateStatus();
    }

    public AnnotateViewModel viewModel() {
        return vm;
    }

    public BoxCanvasView canvas() {
        return canvas;
    }

    @Override
    public String id() {
        return "annotate";
    }

    @Override
    public String title() {
        return "Annotate";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public Map<ActionId, Runnable> actions() {
        return actions;
    }

    @Override
    public void panKey(boolean down) {
        canvas.setPanKey(down);
    }

    @Override
    public void dispose() {
        vm.close();
    }

    private void bindActions() {
        actions.put(ActionId.NEXT_IMAGE, vm::next);
        actions.put(ActionId.PREVIOUS_IMAGE, vm::previous);
        actions.put(ActionId.NEXT_UNLABELLED, vm::nextUnlabelled);
        actions.put(ActionId.MARK_DONE, () -> vm.setStatus(ImageStatus.DONE));
        actions.put(ActionId.MARK_TODO, () -> vm.setStatus(ImageStatus.TODO));
        actions.put(ActionId.MARK_REVIEWED, () -> vm.setStatus(ImageStatus.REVIEWED));
        actions.put(ActionId.UNDO, vm::undo);
        actions.put(ActionId.REDO, vm::redo);
        actions.put(ActionId.DELETE, vm::deleteSelected);
        actions.put(ActionId.COPY, vm::copy);
        actions.put(ActionId.PASTE, vm::paste);
        actions.put(ActionId.PASTE_PREVIOUS_IMAGE, vm::pastePreviousImage);
        actions.put(ActionId.SELECT_ALL, vm::selectAll);
        actions.put(ActionId.DESELECT, () -> {
            if (!canvas.cancelGesture()) vm.clearSelection();
        });
        actions.put(ActionId.NUDGE_LEFT, () -> vm.moveSelected(-1, 0));
        actions.put(ActionId.NUDGE_RIGHT, () -> vm.moveSelected(1, 0));
        actions.put(ActionId.NUDGE_UP, () -> vm.moveSelected(0, -1));
        actions.put(ActionId.NUDGE_DOWN, () -> vm.moveSelected(0, 1));
        actions.put(ActionId.NUDGE_LEFT_10, () -> vm.moveSelected(-10, 0));
        actions.put(ActionId.NUDGE_RIGHT_10, () -> vm.moveSelected(10, 0));
        actions.put(ActionId.NUDGE_UP_10, () -> vm.moveSelected(0, -10));
        actions.put(ActionId.NUDGE_DOWN_10, () -> vm.moveSelected(0, 10));
        for (ActionId a : ActionId.values()) {
            if (a.classNumber() > 0) actions.put(a, () -> vm.chooseClass(a.classNumber()));
        }
        actions.put(ActionId.TOGGLE_LAYER_VISIBILITY, () -> {
            ClassLayer l = vm.layers().selectedProperty().get();
            if (l != null) l.visibleProperty().set(!l.visibleProperty().get());
        });
        actions.put(ActionId.TOGGLE_LAYER_LOCK, () -> {
            ClassLayer l = vm.layers().selectedProperty().get();
            if (l != null) l.lockedProperty().set(!l.lockedProperty().get());
        });
        actions.put(ActionId.FIT_TO_WINDOW, canvas::fitToWindow);
        actions.put(ActionId.ZOOM_IN, () -> canvas.zoomBy(1.25));
        actions.put(ActionId.ZOOM_OUT, () -> canvas.zoomBy(0.8));
        actions.put(ActionId.SAVE_NOW, vm::saveNow);
    }

    private void updateStatus() {
        int i = vm.indexProperty().get();
        int n = vm.imageList().size();
        ImageLabels l = vm.labelsProperty().get();
        String name = i >= 0 && i < n ? vm.imageList().path(i) : "";
        String size = l == null ? "" : " (" + l.width() + "×" + l.height() + ", " + l.status().jsonName() + ")";
        statusBar.positionProperty().set(n == 0 ? "No images" : "Image " + (i + 1) + " of " + n + " · " + name + size);
        statusBar.zoomProperty().set(String.format("%.0f%%", canvas.viewport().zoom() * 100));
        double x = canvas.cursorXProperty().get(), y = canvas.cursorYProperty().get();
        statusBar.pointerProperty().set(Double.isNaN(x) ? "x –, y –" : String.format("x %.0f, y %.0f", x, y));
    }
}
