package io.boxwork.app.train;

import io.boxwork.app.shell.Mode;
import io.boxwork.app.shortcuts.ActionId;
import javafx.scene.Node;

import java.util.Map;

/** Train: the form, the pre-launch checks, one-click training with live curves, past runs. */
public final class TrainMode implements Mode {
    private final TrainViewModel vm;
    private final TrainView view;

    public TrainMode(TrainViewModel vm) {
        this.vm = vm;
        this.view = new TrainView(vm);
        vm.loadInBackground();
    }

    @Override
    public String id() {
        return "train";
    }

    @Override
    public String title() {
        return "Train";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public Map<ActionId, Runnable> actions() {
        return Map.of();
    }

    @Override
    public void dispose() {
        vm.dispose();
    }

    public TrainViewModel viewModel() {
        return vm;
    }

    public TrainView trainView() {
        return view;
    }
}
