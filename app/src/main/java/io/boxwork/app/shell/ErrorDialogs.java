package io.boxwork.app.shell;

import io.boxwork.annotations.storage.MalformedFileException;
import io.boxwork.annotations.storage.ProjectLockedException;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;

/**
 * Errors in words a person can act on: which file, where in it, and that nothing was lost or
 * overwritten. The technical trace sits behind "Show details".
 */
public final class ErrorDialogs {
    private final Window owner;

    public ErrorDialogs(Window owner) {
        this.owner = owner;
    }

    public void show(String title, Throwable error) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner);
        a.setTitle("Boxwork");
        a.setHeaderText(title);
        a.setContentText(describe(error));
        a.getDialogPane().setExpandableContent(trace(error));
        a.getDialogPane().setId("error-dialog");
        a.show();
    }

    /** The project is locked by another Boxwork: offers to open it read-only instead. */
    public boolean askOpenReadOnly(ProjectLockedException e) {
        ButtonType readOnly = new ButtonType("Open read-only", ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.WARNING, e.getMessage(), readOnly, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle("Boxwork");
        a.setHeaderText("This project is already open");
        Optional<ButtonType> r = a.showAndWait();
        return r.isPresent() && r.get() == readOnly;
    }

    /** The message a person reads; for malformed files it names the file, line and column. */
    public static String describe(Throwable error) {
        if (error instanceof MalformedFileException m) {
            StringBuilder sb = new StringBuilder("The file ").append(m.file());
            if (m.line() > 0) sb.append("\nat line ").append(m.line()).append(", column ").append(m.column());
            if (!m.location().isEmpty()) sb.append(" (").append(m.location()).append(')');
            sb.append("\ncannot be read: ").append(m.problem())
                .append("\n\nThe file was left untouched. Fix it in a text editor (or restore it) and open the image again; "
                    + "until then this image is shown read-only.");
            return sb.toString();
        }
        String msg = error.getMessage();
        return msg == null || msg.isBlank() ? error.getClass().getSimpleName() : msg;
    }

    private static TextArea trace(Throwable error) {
        StringWriter w = new StringWriter();
        error.printStackTrace(new PrintWriter(w));
        TextArea t = new TextArea(w.toString());
        t.setEditable(false);
        t.setPrefRowCount(12);
        return t;
    }
}
