package io.boxwork.app.anchors;

import io.boxwork.app.shell.Mode;
import io.boxwork.app.shell.StatusBar;
import io.boxwork.app.shortcuts.ActionId;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;

import java.util.EnumMap;
import java.util.Map;

/**
 * Anchors: the settings on the left, the image as the model sees it with the anchor grid in the
 * middle, coverage and suggestions on the right. Whenever the mode is shown it re-reads the train
 * split, since labels may have changed in Annotate meanwhile.
 */
public final class AnchorsMode implements Mode {
    private final AnchorsViewModel vm;
    private final AnchorCanvasView canvas;
    private final SplitPane view;
    private final Map<ActionId, Runnable> actions = new EnumMap<>(ActionId.class);

    public AnchorsMode(AnchorsViewModel vm, StatusBar statusBar) {
        this.vm = vm;
        this.canvas = new AnchorCanvasView(vm);
        ScrollPane left = scroll(new AnchorControls(vm, canvas));
        ScrollPane right = scroll(new CoveragePanel(vm));
        view = new SplitPane(left, canvas, right);
        view.setId("anchors-mode");
        view.setDividerPositions(0.21, 0.69);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(right, false);
        view.sceneProperty().addListener((o, a, b) -> {
            if (b != null) vm.refresh();
        });
        vm.messageProperty().addListener((o, a, b) -> statusBar.messageProperty().set(b));
        actions.put(ActionId.NEXT_IMAGE, () -> step(1));
        actions.put(ActionId.PREVIOUS_IMAGE, () -> step(-1));
        actions.put(ActionId.FIT_TO_WINDOW, canvas::fit);
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return s;
    }

    private void step(int delta) {
        int n = vm.images().size();
        if (n == 0) return;
        vm.imageIndexProperty().set(Math.floorMod(vm.imageIndexProperty().get() + delta, n));
    }

    public AnchorsViewModel viewModel() {
        return vm;
    }

    public AnchorCanvasView canvas() {
        return canvas;
    }

    @Override
    public String id() {
        return "anchors";
    }

    @Override
    public String title() {
        return "Anchors";
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
    public void dispose() {
        vm.close();
    }
}
