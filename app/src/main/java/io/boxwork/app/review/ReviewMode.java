package io.boxwork.app.review;

import io.boxwork.app.shell.Mode;
import io.boxwork.app.shortcuts.ActionId;
import javafx.scene.Node;

import java.util.Map;

/** Review: a checkpoint's predictions over a split, live score / NMS sliders, accept into labels. */
public final class ReviewMode implements Mode {
    private final ReviewViewModel vm;
    private final ReviewView view;

    public ReviewMode(ReviewViewModel vm) {
        this.vm = vm;
        this.view = new ReviewView(vm);
        // Entering the mode: labels may have been edited in Annotate meanwhile.
        view.sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.rescanCheckpoints();
                vm.reloadLabels();
            }
        });
    }

    @Override
    public String id() {
        return "review";
    }

    @Override
    public String title() {
        return "Review";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public Map<ActionId, Runnable> actions() {
        return Map.of(ActionId.UNDO, vm::undoAccept);
    }

    @Override
    public void dispose() {
        vm.dispose();
    }

    public ReviewViewModel viewModel() {
        return vm;
    }

    public ReviewView reviewView() {
        return view;
    }
}
