package io.boxwork.app.transfer;

import io.boxwork.annotations.formats.AnnotationFormat;
import io.boxwork.annotations.formats.ImageTransfer;
import io.boxwork.annotations.formats.ProjectExporter;
import io.boxwork.annotations.model.Split;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
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
import java.util.Optional;

/** Asks where and how to export the project: format, folder, split, images copied or linked. */
public final class ExportDialog {

    public record Choice(AnnotationFormat format, Path dest, ProjectExporter.Options options) {
    }

    private ExportDialog() {
    }

    public static Optional<Choice> ask(Window owner) {
        Dialog<Choice> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Export annotations");
        d.setHeaderText("Export this project as a dataset another tool can train on");
        ChoiceBox<AnnotationFormat> format = new ChoiceBox<>();
        format.setId("export-format");
        format.getItems().setAll(AnnotationFormat.all());
        format.setConverter(Converters.of(AnnotationFormat::name));
        format.setValue(format.getItems().get(0));
        TextField dest = new TextField();
        dest.setId("export-dest");
        dest.setPrefColumnCount(30);
        dest.setPromptText("an empty folder");
        Button browse = new Button("Folder…");
        browse.setOnAction(e -> {
            File f = new DirectoryChooser().showDialog(owner);
            if (f != null) dest.setText(f.getAbsolutePath());
        });
        ChoiceBox<Split> split = new ChoiceBox<>();
        split.getItems().add(null);
        split.getItems().addAll(Arrays.asList(Split.values()));
        split.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Split s) {
                return s == null ? "all images" : s.jsonName() + " only";
            }

            @Override
            public Split fromString(String s) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        });
        split.setValue(null);
        ChoiceBox<ImageTransfer> transfer = new ChoiceBox<>();
        transfer.getItems().setAll(ImageTransfer.values());
        transfer.setValue(ImageTransfer.COPY);
        transfer.setConverter(Converters.of(t -> t == ImageTransfer.COPY ? "copy images" : "link to the project's images"));
        CheckBox predictions = new CheckBox("Include unconfirmed predictions (with their scores)");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        HBox where = new HBox(6, dest, browse);
        HBox.setHgrow(dest, Priority.ALWAYS);
        g.addRow(0, new Label("Format"), format);
        g.addRow(1, new Label("Destination"), where);
        g.addRow(2, new Label("Images of"), split);
        g.addRow(3, new Label("Image files"), transfer);
        g.add(predictions, 1, 4);
        d.getDialogPane().setContent(g);
        d.getDialogPane().setId("export-dialog");
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(dest.textProperty().isEmpty());
        d.setResultConverter(b -> b != ButtonType.OK ? null : new Choice(format.getValue(), Path.of(dest.getText().strip()),
            new ProjectExporter.Options(transfer.getValue(), split.getValue(), predictions.isSelected())));
        return d.showAndWait();
    }
}
