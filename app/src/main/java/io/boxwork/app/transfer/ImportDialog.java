package io.boxwork.app.transfer;

import io.boxwork.annotations.formats.AnnotationFormat;
import io.boxwork.annotations.formats.ImageTransfer;
import io.boxwork.annotations.formats.ProjectImporter;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Asks what to import: the format, where it is, and how images and existing labels are treated. */
public final class ImportDialog {

    public record Choice(AnnotationFormat format, Path source, ProjectImporter.Options options) {
    }

    /** What each format's source is, in the person's words. */
    static final Map<String, String> SOURCE_HINTS = Map.of(
        "coco", "the COCO annotations .json file (images beside it or in an images folder)",
        "voc", "the VOC folder (Annotations/ and JPEGImages/)",
        "yolo", "the YOLO folder (data.yaml, images/ and labels/)",
        "tutorial", "the folder of per-image .json files next to the images");

    private ImportDialog() {
    }

    public static Optional<Choice> ask(Window owner) {
        Dialog<Choice> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Import annotations");
        d.setHeaderText("Import a dataset into this project");
        ChoiceBox<AnnotationFormat> format = new ChoiceBox<>();
        format.getItems().setAll(AnnotationFormat.all());
        format.setConverter(Converters.of(AnnotationFormat::name));
        format.setValue(format.getItems().get(0));
        Label hint = new Label();
        hint.setWrapText(true);
        format.valueProperty().addListener((o, a, b) -> hint.setText("Choose " + SOURCE_HINTS.getOrDefault(b.name(), "the dataset")));
        hint.setText("Choose " + SOURCE_HINTS.get(format.getValue().name()));
        TextField source = new TextField();
        source.setId("import-source");
        source.setPrefColumnCount(30);
        Button file = new Button("File…");
        file.setOnAction(e -> {
            File f = new FileChooser().showOpenDialog(owner);
            if (f != null) source.setText(f.getAbsolutePath());
        });
        Button folder = new Button("Folder…");
        folder.setOnAction(e -> {
            File f = new DirectoryChooser().showDialog(owner);
            if (f != null) source.setText(f.getAbsolutePath());
        });
        ChoiceBox<ImageTransfer> transfer = new ChoiceBox<>();
        transfer.getItems().setAll(ImageTransfer.values());
        transfer.setValue(ImageTransfer.COPY);
        transfer.setConverter(Converters.of(t -> t == ImageTransfer.COPY ? "copy images into the project" : "link to the images where they are"));
        ChoiceBox<ProjectImporter.ExistingLabels> existing = new ChoiceBox<>();
        existing.getItems().setAll(ProjectImporter.ExistingLabels.values());
        existing.setValue(ProjectImporter.ExistingLabels.KEEP);
        existing.setConverter(Converters.of(x -> switch (x) {
            case KEEP -> "keep them, ignore the imported boxes";
            case MERGE -> "add the imported boxes that are new";
            case REPLACE -> "replace them with the imported boxes";
        }));
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        HBox src = new HBox(6, source, file, folder);
        HBox.setHgrow(source, Priority.ALWAYS);
        g.addRow(0, new Label("Format"), format);
        g.add(hint, 1, 1);
        g.addRow(2, new Label("Source"), src);
        g.addRow(3, new Label("Images"), transfer);
        g.addRow(4, new Label("Images already labelled"), existing);
        d.getDialogPane().setContent(g);
        d.getDialogPane().setId("import-dialog");
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(source.textProperty().isEmpty());
        d.setResultConverter(b -> b != ButtonType.OK ? null : new Choice(format.getValue(), Path.of(source.getText().strip()),
            new ProjectImporter.Options(transfer.getValue(), existing.getValue())));
        return d.showAndWait();
    }
}
