package io.boxwork.app.shell;

import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.util.function.Consumer;

/**
 * Runs long work (import, export, deleting a class, statistics) on its own thread behind a modal
 * progress window, so the person sees it move and cannot edit labels it is rewriting.
 */
public final class BackgroundWork {
    private BackgroundWork() {
    }

    public static <T> void run(Window owner, String title, Task<T> task, Consumer<T> done, Consumer<Throwable> failed) {
        Dialog<Void> progress = new Dialog<>();
        progress.initOwner(owner);
        progress.initModality(Modality.WINDOW_MODAL);
        progress.setTitle(title);
        progress.setHeaderText(title);
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(380);
        bar.progressProperty().bind(task.progressProperty());
        Label what = new Label();
        what.setMaxWidth(380);
        what.textProperty().bind(task.messageProperty());
        VBox box = new VBox(8, bar, what);
        box.setPadding(new Insets(10));
        progress.getDialogPane().setContent(box);
        progress.getDialogPane().setId("progress-dialog");
        task.setOnSucceeded(e -> {
            close(progress);
            done.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            close(progress);
            failed.accept(task.getException());
        });
        progress.show();
        Thread t = new Thread(task, "boxwork-" + title.toLowerCase().replace(' ', '-'));
        t.setDaemon(true);
        t.start();
    }

    private static void close(Dialog<Void> progress) {
        // A dialog without buttons cannot close itself: give it one first.
        progress.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        progress.close();
    }
}
