package io.boxwork.app.welcome;

import io.boxwork.app.settings.UserSettings;
import io.boxwork.app.settings.UserSettingsStore;
import io.boxwork.app.settings.WindowMemory;
import io.boxwork.app.shell.MainWindow;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Connects the main window to what is remembered per person: puts the window back where it was,
 * shows the welcome screen while no project is open, and records opened projects, the mode in use
 * and the window's placement in {@link UserSettingsStore}.
 */
public final class FirstRun {
    private final Stage stage;
    private final MainWindow window;
    private final UserSettingsStore store;
    private final SampleProject sample;
    private final Function<Window, Optional<Path>> chooseFolder;
    private UserSettings settings;

    public FirstRun(Stage stage, MainWindow window, UserSettingsStore store, SampleProject sample, Function<Window, Optional<Path>> chooseFolder) {
        this.stage = stage;
        this.window = window;
        this.store = store;
        this.sample = sample;
        this.chooseFolder = chooseFolder;
        this.settings = store.load();
    }

    /** For the installed app: the person's config folder, the shipped sample, a real folder chooser. */
    public static FirstRun standard(Stage stage, MainWindow window) {
        return new FirstRun(stage, window, UserSettingsStore.inUserConfig(), SampleProject.fromSystem(), WelcomeView::directoryChooser);
    }

    public UserSettings settings() {
        return settings;
    }

    /** Call before {@code stage.show()}. */
    public void install() {
        WindowMemory.apply(settings.window(), stage);
        window.setWelcome(() -> new WelcomeView(sample, settings.recentPaths(), window::open, chooseFolder).build());
        window.setOnProjectOpened(this::opened);
        window.activeModeProperty().addListener((o, a, b) -> {
            if (b != null) update(settings.withLastMode(b.id()));
        });
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> rememberWindow());
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> logFirstFrame());
    }

    /** One line on stderr with the time from process start, so a start-up can be measured from outside. */
    private static void logFirstFrame() {
        // WINDOW_SHOWN comes before the first paint; the next pulse has painted the scene.
        Platform.runLater(() -> ProcessHandle.current().info().startInstant().ifPresent(start ->
            System.err.println("boxwork: first frame shown " + java.time.Duration.between(start, java.time.Instant.now()).toMillis() + " ms after process start")));
    }

    private void opened(Path dir) {
        String lastMode = settings.lastMode();
        update(settings.withOpened(dir));
        if (lastMode != null) {
            // Registering the first mode selects it; the remembered one is chosen once the modes exist.
            Platform.runLater(() -> {
                Node button = stage.getScene() == null ? null : stage.getScene().lookup("#mode-" + lastMode);
                if (button instanceof ToggleButton t) t.setSelected(true);
            });
        }
    }

    /** {@code boxwork --sample}: the same as the welcome screen's sample button, once the window is up. */
    public void openSampleLater() {
        Platform.runLater(() -> {
            try {
                window.open(sample.prepare());
            } catch (IOException e) {
                System.err.println("boxwork: the sample project could not be prepared in " + sample.userCopy() + ": " + e);
                window.statusBar().messageProperty().set("The sample project could not be prepared: " + e.getMessage());
            }
        });
    }

    /** Records where the window is now (also done when it closes). */
    public void rememberWindow() {
        update(settings.withWindow(WindowMemory.capture(stage, settings.window())));
    }

    private void update(UserSettings next) {
        settings = next;
        try {
            store.save(next);
        } catch (IOException e) {
            // Losing the window position or recent list must never stop the work; say so where a person looks.
            window.statusBar().messageProperty().set("Could not save " + store.file() + ": " + e.getMessage());
        }
    }
}
