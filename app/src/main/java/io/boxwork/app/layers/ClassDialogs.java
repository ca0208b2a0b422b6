package io.boxwork.app.layers;

import io.boxwork.app.annotate.AnnotateViewModel;
import io.boxwork.app.shell.BackgroundWork;
import io.boxwork.app.shell.ErrorDialogs;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The dialogs behind the layers panel's buttons: add, rename, recolour and delete a class. */
public final class ClassDialogs implements LayersPanel.ClassActions {
    private final AnnotateViewModel vm;
    private final Supplier<Window> owner;
    private final ErrorDialogs errors;

    public ClassDialogs(AnnotateViewModel vm, Supplier<Window> owner, ErrorDialogs errors) {
        this.vm = vm;
        this.owner = owner;
        this.errors = errors;
    }

    @Override
    public void add() {
        ask("New class", "Name of the new class:", "").ifPresent(name -> {
            try {
                vm.layers().addClass(name);
            } catch (IOException | IllegalArgumentException e) {
                errors.show("The class was not added", e);
            }
        });
    }

    @Override
    public void rename(ClassLayer layer) {
        if (layer == null) return;
        ask("Rename class", "New name for '" + layer.name() + "':", layer.name()).ifPresent(name -> {
            try {
                vm.layers().rename(layer, name);
            } catch (IOException | IllegalArgumentException e) {
                errors.show("The class was not renamed", e);
            }
        });
    }

    @Override
    public void recolour(ClassLayer layer, Color colour) {
        try {
            vm.layers().recolour(layer, colour);
        } catch (IOException e) {
            errors.show("The colour was not saved", e);
        }
    }

    @Override
    public void delete(ClassLayer layer) {
        if (layer == null || vm.session().readOnly()) return;
        chooseDeletion(layer).ifPresent(this::runDeletion);
    }

    private Optional<ClassDeletion> chooseDeletion(ClassLayer layer) {
        List<ClassLayer> others = vm.layers().classes().stream().filter(l -> l != layer).toList();
        Dialog<ClassDeletion> d = new Dialog<>();
        d.initOwner(owner.get());
        d.setTitle("Delete class");
        d.setHeaderText("Delete the class '" + layer.name() + "' from the project?");
        ToggleGroup g = new ToggleGroup();
        RadioButton deleteBoxes = new RadioButton("Delete its boxes in every image");
        deleteBoxes.setToggleGroup(g);
        RadioButton move = new RadioButton("Move its boxes to:");
        move.setToggleGroup(g);
        ChoiceBox<ClassLayer> target = new ChoiceBox<>();
        target.getItems().setAll(others);
        target.setConverter(new StringConverter<>() {
            @Override
            public String toString(ClassLayer l) {
                return l == null ? "" : l.name();
            }

            @Override
            public ClassLayer fromString(String s) {
                return null;
            }
        });
        if (!others.isEmpty()) target.setValue(others.get(0));
        move.setDisable(others.isEmpty());
        target.disableProperty().bind(move.selectedProperty().not());
        deleteBoxes.setSelected(true);
        VBox content = new VBox(8, deleteBoxes, new HBox(8, move, target),
            new Label("Every labels file is updated; this cannot be undone with Ctrl+Z."));
        content.setPadding(new Insets(10));
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> {
            if (b != ButtonType.OK) return null;
            if (move.isSelected() && target.getValue() != null) return new ClassDeletion.MoveBoxes(layer.classId(), target.getValue().classId());
            return new ClassDeletion.DeleteBoxes(layer.classId());
        });
        return d.showAndWait();
    }

    /** Runs in the background behind a modal progress window, so no edit can race the rewrite. */
    private void runDeletion(ClassDeletion deletion) {
        BackgroundWork.run(owner.get(), "Deleting class", new ClassDeletionTask(vm.session(), deletion),
            changed -> vm.reloadAfterBackgroundChange(),
            error -> {
                vm.reloadAfterBackgroundChange();
                errors.show("The class was not deleted; no labels file was changed", error);
            });
    }

    private Optional<String> ask(String title, String prompt, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.initOwner(owner.get());
        d.setTitle(title);
        d.setHeaderText(null);
        d.setContentText(prompt);
        return d.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }
}
