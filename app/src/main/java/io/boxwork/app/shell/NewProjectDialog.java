package io.boxwork.app.shell;

import io.boxwork.annotations.model.ProjectSettings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Asks where a new project goes, its classes, and where its images are. */
public final class NewProjectDialog {

    /** A project to create: its folder and its settings. */
    public record Choice(Path dir, ProjectSettings settings) {
    }

    private NewProjectDialog() {
    }

    public static Optional<Choice> ask(Window owner) {
        Dialog<Choice> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("New project");
        d.setHeaderText("Create a Boxwork project");
        TextField folder = new TextField();
        folder.setPromptText("/path/to/new-project");
        TextField classes = new TextField();
        classes.setPromptText("e.g. cat, dog, person");
        TextField images = new TextField();
        images.setPromptText("images (inside the project) or an existing folder");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        g.addRow(0, new Label("Project folder"), withBrowse(folder, owner));
        g.addRow(1, new Label("Classes (comma separated)"), classes);
        g.addRow(2, new Label("Images folder"), withBrowse(images, owner));
        GridPane.setHgrow(classes, Priority.ALWAYS);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(folder.textProperty().isEmpty());
        d.setResultConverter(b -> {
            if (b != ButtonType.OK) return null;
            Path dir = Path.of(folder.getText().strip());
            List<String> names = Arrays.stream(classes.getText().split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
            ProjectSettings s = ProjectSettings.create(dir.getFileName() == null ? "project" : dir.getFileName().toString(), names);
            if (!images.getText().isBlank()) s = s.withImagesDir(images.getText().strip());
            return new Choice(dir, s);
        });
        return d.showAndWait();
    }

    private static HBox withBrowse(TextField field, Window owner) {
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            File f = c.showDialog(owner);
            if (f != null) field.setText(f.getAbsolutePath());
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setPrefColumnCount(28);
        return new HBox(6, field, browse);
    }
}
