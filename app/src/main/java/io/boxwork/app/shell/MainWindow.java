package io.boxwork.app.shell;

import io.boxwork.annotations.storage.MalformedFileException;
import io.boxwork.annotations.storage.Project;
import io.boxwork.annotations.storage.ProjectLockedException;
import io.boxwork.app.anchors.AnchorsMode;
import io.boxwork.app.anchors.AnchorsViewModel;
import io.boxwork.app.annotate.AnnotateMode;
import io.boxwork.app.annotate.AnnotateViewModel;
import io.boxwork.app.annotate.StatusScanTask;
import io.boxwork.app.train.DetectorFactory;
import io.boxwork.app.train.ModelModes;
import io.boxwork.app.project.ProjectSession;
import io.boxwork.app.project.RecentProjects;
import io.boxwork.app.shortcuts.ActionId;
import io.boxwork.app.shortcuts.Shortcuts;
import io.boxwork.app.stats.StatisticsTask;
import io.boxwork.app.stats.StatisticsView;
import io.boxwork.app.transfer.ExportDialog;
import io.boxwork.app.transfer.ExportTask;
import io.boxwork.app.transfer.ImportDialog;
import io.boxwork.app.transfer.ImportReportView;
import io.boxwork.app.transfer.ImportTask;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one window: menu, mode switcher, the active mode's view (with the help overlay above it)
 * and the status bar. Owns the open project session: opening another project or quitting saves
 * everything pending first.
 */
public final class MainWindow {
    private final Stage stage;
    private final RecentProjects recent;
    private final Duration autosaveDebounce;
    private final Shortcuts shortcuts = Shortcuts.standard();
    private final StatusBar statusBar = new StatusBar();
    private final ModeSwitcher modes = new ModeSwitcher();
    private final HelpOverlay help = new HelpOverlay(shortcuts);
    private final StackPane content = new StackPane();
    private final BorderPane root = new BorderPane();
    private final ErrorDialogs errors;
    private final MainMenu menu;
    private ProjectSession session;
    private AnnotateMode annotate;
    private DetectorFactory detectors;
    private Supplier<Parent> welcomeFactory = MainWindow::welcome;
    private Consumer<Path> onProjectOpened = dir -> { };

    public MainWindow(Stage stage, RecentProjects recent, Duration autosaveDebounce) {
        this.stage = stage;
        this.recent = recent;
        this.autosaveDebounce = autosaveDebounce;
        this.errors = new ErrorDialogs(stage);
        this.menu = new MainMenu(shortcuts, new MainMenu.FileActions() {
            @Override
            public void newProject() {
                MainWindow.this.newProject();
            }

            @Override
            public void openProject() {
                DirectoryChooser c = new DirectoryChooser();
                c.setTitle("Open a Boxwork project folder");
                File f = c.showDialog(stage);
                if (f != null) open(f.toPath());
            }

            @Override
            public void openRecent(Path dir) {
                open(dir);
            }

            @Override
            public void importData() {
                MainWindow.this.importData();
            }

            @Override
            public void exportData() {
                MainWindow.this.exportData();
            }

            @Override
            public void statistics() {
                MainWindow.this.statistics();
            }

            @Override
            public void quit() {
                if (MainWindow.this.quit()) stage.close();
            }
        }, this::run);
        menu.showRecent(recent.list());
        Label modeLabel = new Label("Mode:");
        HBox top = new HBox(8, modeLabel, modes);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4, 8, 4, 8));
        root.setTop(new VBox(menu.bar(), top));
        content.getChildren().add(welcomeFactory.get());
        StackPane center = new StackPane(content, help);
        root.setCenter(center);
        root.setBottom(statusBar);
        modes.activeProperty().addListener((o, a, b) -> content.getChildren().setAll(b == null ? welcomeFactory.get() : b.view()));
        stage.setOnCloseRequest(e -> {
            if (!quit()) e.consume();
        });
    }

    public Parent root() {
        return root;
    }

    public Scene createScene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        new ShortcutDispatcher(shortcuts, this::actionFor, down -> modes.active().ifPresent(m -> m.panKey(down))).install(scene);
        stage.setScene(scene);
        updateTitle();
        return scene;
    }

    public Optional<AnnotateMode> annotate() {
        return Optional.ofNullable(annotate);
    }

    /** Train and Review appear once the application gives the window a way to build detectors. */
    public void setDetectorFactory(DetectorFactory factory) {
        this.detectors = factory;
    }

    public ModeSwitcher modeSwitcher() {
        return modes;
    }

    public Optional<ProjectSession> session() {
        return Optional.ofNullable(session);
    }

    /** What is shown while no project is open (the first-run welcome screen replaces the plain hint). */
    public void setWelcome(Supplier<Parent> factory) {
        welcomeFactory = factory;
        if (modes.active().isEmpty()) content.getChildren().setAll(factory.get());
    }

    /** Told of each project folder opened, after it is shown. */
    public void setOnProjectOpened(Consumer<Path> listener) {
        onProjectOpened = listener;
    }

    public javafx.beans.property.ReadOnlyObjectProperty<Mode> activeModeProperty() {
        return modes.activeProperty();
    }

    public StatusBar statusBar() {
        return statusBar;
    }

    public HelpOverlay help() {
        return help;
    }

    private Runnable actionFor(ActionId id) {
        if (id == ActionId.HELP) return help::toggle;
        if (id == ActionId.DESELECT && help.isVisible()) return () -> help.setVisible(false);
        return modes.active().map(m -> m.actions().get(id)).orElse(null);
    }

    private void run(ActionId id) {
        Runnable r = actionFor(id);
        if (r != null) r.run();
    }

    /** Opens a project folder, with the dialogs for a locked project or a malformed boxwork.json. */
    public void open(Path dir) {
        Project project;
        try {
            project = Project.open(dir);
        } catch (ProjectLockedException locked) {
            if (!errors.askOpenReadOnly(locked)) return;
            try {
                project = Project.openReadOnly(dir);
            } catch (IOException e) {
                errors.show("Cannot open " + dir, e);
                return;
            }
        } catch (MalformedFileException e) {
            errors.show("The project settings cannot be read", e);
            return;
        } catch (IOException | RuntimeException e) {
            errors.show("Cannot open " + dir, e);
            return;
        }
        show(new ProjectSession(project, autosaveDebounce));
        onProjectOpened.accept(dir);
        try {
            menu.showRecent(recent.remember(dir));
        } catch (IOException e) {
            statusBar.messageProperty().set("Could not update the recent projects list: " + e.getMessage());
        }
    }

    /** Shows a session in the window (closing the previous one after saving it). */
    public void show(ProjectSession next) {
        if (!closeSession()) {
            try {
                next.close();
            } catch (IOException e) {
                errors.show("Cannot release " + next.project().dir(), e);
            }
            return;
        }
        session = next;
        showModes(0);
    }

    /** Builds the modes on the open session, on image {@code index}. */
    private void showModes(int index) {
        ProjectSession next = session;
        AnnotateViewModel vm = new AnnotateViewModel(next);
        annotate = new AnnotateMode(vm, statusBar, () -> stage, errors);
        modes.register(annotate);
        modes.register(new AnchorsMode(new AnchorsViewModel(next), statusBar));
        if (detectors != null) ModelModes.register(modes, next, vm, detectors);
        if (vm.imageList().size() > 0) vm.open(Math.min(index, vm.imageList().size() - 1));
        StatusScanTask scan = new StatusScanTask(next.project(), next.project().images());
        scan.setOnSucceeded(e -> vm.applyScannedStatuses(scan.getValue()));
        Thread t = new Thread(scan, "boxwork-status-scan");
        t.setDaemon(true);
        t.start();
        updateTitle();
    }

    private void importData() {
        if (session == null || session.readOnly()) {
            errors.show("Nothing was imported", new IOException(session == null ? "Open a project first." : "The project is open read-only."));
            return;
        }
        ImportDialog.ask(stage).ifPresent(choice -> BackgroundWork.run(stage, "Importing",
            new ImportTask(session, choice.format(), choice.source(), choice.options()),
            report -> {
                rebuildModes();
                ImportReportView.dialog(stage, report).show();
            },
            error -> {
                rebuildModes();
                errors.show("The import stopped; see the message for the file and place", error);
            }));
    }

    private void exportData() {
        if (session == null) return;
        ExportDialog.ask(stage).ifPresent(choice -> BackgroundWork.run(stage, "Exporting",
            new ExportTask(session, choice.format(), choice.dest(), choice.options()),
            summary -> {
                Alert a = new Alert(Alert.AlertType.INFORMATION, "Wrote " + summary.images() + " images, " + summary.boxes() + " boxes and "
                    + summary.classes() + " classes as " + summary.format() + " to\n" + summary.dest());
                a.initOwner(stage);
                a.setHeaderText("Export finished");
                a.getDialogPane().setId("export-finished");
                a.show();
            },
            error -> errors.show("The export failed", error)));
    }

    private void statistics() {
        if (session == null) return;
        BackgroundWork.run(stage, "Dataset statistics", new StatisticsTask(session), stats -> {
            Stage window = new Stage();
            window.initOwner(stage);
            window.setTitle("Dataset statistics — " + session.project().settings().name());
            window.setScene(new Scene(new StatisticsView(stats), 1000, 700));
            window.show();
        }, error -> errors.show("The statistics could not be computed", error));
    }

    /** After an import rewrote files: the same session, fresh view-models on the same image. */
    private void rebuildModes() {
        int index = annotate == null ? 0 : Math.max(0, annotate.viewModel().indexProperty().get());
        modes.clear();
        annotate = null;
        showModes(index);
    }

    private void newProject() {
        NewProjectDialog.ask(stage).ifPresent(choice -> {
            try {
                Project created = Project.create(choice.dir(), choice.settings());
                created.close();
                open(choice.dir());
            } catch (IOException | RuntimeException e) {
                errors.show("The project was not created", e);
            }
        });
    }

    /** Saves everything pending and releases the project; false when the person chose to stay. */
    public boolean quit() {
        return closeSession();
    }

    private boolean closeSession() {
        if (session == null) return true;
        while (true) {
            try {
                session.flush();
                break;
            } catch (IOException e) {
                ButtonType retry = new ButtonType("Try again", ButtonBar.ButtonData.OK_DONE);
                ButtonType discard = new ButtonType("Close without saving", ButtonBar.ButtonData.OTHER);
                Alert a = new Alert(Alert.AlertType.ERROR, "Some edits could not be saved:\n" + ErrorDialogs.describe(e)
                    + "\n\nFree some space or fix the folder's permissions, then try again.", retry, discard, ButtonType.CANCEL);
                a.initOwner(stage);
                a.setHeaderText("Your latest edits are not on disk yet");
                Optional<ButtonType> r = a.showAndWait();
                if (r.isEmpty() || r.get() == ButtonType.CANCEL) return false;
                if (r.get() == discard) break;
            }
        }
        modes.clear();
        annotate = null;
        try {
            session.close();
        } catch (IOException e) {
            // Everything was flushed above; what failed here is releasing the lock or a last write.
            errors.show("Closing the project reported a problem", e);
        }
        session = null;
        updateTitle();
        return true;
    }

    private void updateTitle() {
        String title = "Boxwork";
        if (session != null) {
            title = session.project().settings().name() + " — Boxwork" + (session.readOnly() ? " (read-only)" : "");
        }
        stage.setTitle(title);
    }

    private static Parent welcome() {
        Label l = new Label("Open a project (File ▸ Open project…) or create one (File ▸ New project…).");
        StackPane p = new StackPane(l);
        p.setId("welcome");
        return p;
    }

    /** Opens on the FX thread later (after the window is shown), so its dialogs have an owner on screen. */
    public void openLater(Path dir) {
        Platform.runLater(() -> open(dir));
    }
}
