package io.boxwork.app.transfer;

import io.boxwork.annotations.formats.ImportReport;
import io.boxwork.annotations.formats.ReportItem;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.function.Function;

/** The end of every import: what came in, and each item left out or changed, with where it stands. */
public final class ImportReportView {
    private ImportReportView() {
    }

    public static Dialog<ButtonType> dialog(Window owner, ImportReport r) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Import report");
        d.setHeaderText("Imported " + r.images() + " images (" + r.negatives() + " without boxes), " + r.boxes() + " boxes, "
            + r.classes() + " classes from " + r.format() + "\n" + r.source());
        Label counts = new Label(r.count(ReportItem.Kind.SKIPPED) + " skipped · " + r.count(ReportItem.Kind.CHANGED) + " changed · "
            + r.count(ReportItem.Kind.NOTE) + " notes");
        counts.setId("import-report-counts");
        TableView<ReportItem> table = new TableView<>();
        table.setId("import-report-items");
        table.getColumns().add(column("What", 80, i -> i.kind().jsonName()));
        table.getColumns().add(column("File", 220, i -> i.file() == null ? "" : i.file().toString()));
        table.getColumns().add(column("Line", 50, i -> i.line() > 0 ? Integer.toString(i.line()) : ""));
        table.getColumns().add(column("Item", 50, i -> i.index() >= 0 ? Integer.toString(i.index()) : ""));
        table.getColumns().add(column("Reason", 360, ReportItem::reason));
        table.getItems().setAll(r.items());
        table.setPlaceholder(new Label("Everything was taken as it was."));
        table.setPrefSize(780, 320);
        VBox box = new VBox(8, counts, table);
        box.setPadding(new Insets(10));
        d.getDialogPane().setContent(box);
        d.getDialogPane().setId("import-report");
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.setResizable(true);
        return d;
    }

    private static TableColumn<ReportItem, String> column(String title, double width, Function<ReportItem, String> value) {
        TableColumn<ReportItem, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }
}
