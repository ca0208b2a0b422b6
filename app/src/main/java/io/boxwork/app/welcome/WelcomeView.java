package io.boxwork.app.welcome;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a person sees before any project is open: the sample project, the recent projects, and
 * a new project from a folder of images they already have.
 */
public final class WelcomeView {
    private final SampleProject sample;
    private final List<Path> recent;
    private final Consumer<Path> open;
    private final Function<Window, Optional<Path>> chooseFolder;

    /**
     * @param open         opens a project folder in the window
     * @param chooseFolder asks for the folder of images (a directory chooser in the app)
     */
    public WelcomeView(SampleProject sample, List<Path> recent, Consumer<Path> open, Function<Window, Optional<Path>> chooseFolder) {
        this.sample = sample;
        this.recent = recent;
        this.open = open;
        this.chooseFolder = chooseFolder;
    }

    public static Optional<Path> directoryChooser(Window owner) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Choose a folder of images");
        File f = c.showDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    public Parent build() {
        Label title = new Label("Welcome to Boxwork");
        title.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        Label intro = new Label("Label images with boxes, tune anchors, train a detector and review its predictions.");

        Button sampleButton = new Button("Open the sample project");
        sampleButton.setId("welcome-sample");
        sampleButton.setDefaultButton(true);
        sampleButton.setDisable(sample.installed().isEmpty() && !Files.isRegularFile(sample.userCopy().resolve("boxwork.json")));
        sampleButton.setOnAction(e -> openSample(sampleButton));

        Button fromFolder = new Button("New project from a folder of images…");
        fromFolder.setId("welcome-new-from-folder");
        fromFolder.setOnAction(e -> newFromFolder(fromFolder));

        ListView<Path> recentList = new ListView<>();
        recentList.setId("welcome-recent");
        recentList.getItems().setAll(recent);
        recentList.setPrefHeight(Math.min(8, Math.max(2, recent.size())) * 26 + 4);
        recentList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getFileName() + "    " + item);
            }
        });
        recentList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && recentList.getSelectionModel().getSelectedItem() != null) open.accept(recentList.getSelectionModel().getSelectedItem());
        });
        recentList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && recentList.getSelectionModel().getSelectedItem() != null) open.accept(recentList.getSelectionModel().getSelectedItem());
        });
        Label recentTitle = new Label(recent.isEmpty() ? "No recent projects yet." : "Recent projects (double-click to open):");

        VBox box = new VBox(12, title, intro, sampleButton, fromFolder, recentTitle, recentList);
        box.setMaxWidth(640);
        box.setAlignment(Pos.TOP_LEFT);
        box.setPadding(new Insets(32));
        if (recent.isEmpty()) {
            recentList.setVisible(false);
            recentList.setManaged(false);
        }
        VBox outer = new VBox(box);
        outer.setAlignment(Pos.TOP_CENTER);
        outer.setId("welcome");
        return outer;
    }

    private void openSample(Button owner) {
        try {
            open.accept(sample.prepare());
        } catch (IOException | RuntimeException e) {
            fail(owner, "The sample project could not be prepared in " + sample.userCopy(), e);
        }
    }

    private void newFromFolder(Button owner) {
        Window w = owner.getScene().getWindow();
        Optional<Path> folder = chooseFolder.apply(w);
        if (folder.isEmpty()) return;
        TextInputDialog ask = new TextInputDialog();
        ask.initOwner(w);
        ask.setTitle("New project");
        ask.setHeaderText("Which objects will you box in " + folder.get().getFileName() + "?");
        ask.setContentText("Class names (comma separated):");
        ask.getEditor().setPromptText("e.g. cat, dog, person");
        ask.getDialogPane().setId("welcome-class-names");
        ask.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK).disableProperty()
            .bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> FolderProject.parseClassNames(ask.getEditor().getText()).isEmpty(), ask.getEditor().textProperty()));
        Optional<String> names = ask.showAndWait();
        if (names.isEmpty()) return;
        try {
            open.accept(FolderProject.create(folder.get(), FolderProject.parseClassNames(names.get())));
        } catch (IOException | RuntimeException e) {
            fail(owner, "No project was created in " + folder.get(), e);
        }
    }

    private static void fail(Button owner, String what, Exception e) {
        Alert a = new Alert(Alert.AlertType.ERROR, what + ":\n" + e.getClass().getSimpleName() + ": " + e.getMessage());
        a.initOwner(owner.getScene().getWindow());
        a.setHeaderText(what);
        a.getDialogPane().setId("welcome-error");
        a.show();
    }
}
