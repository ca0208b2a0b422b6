package io.boxwork.app;

import io.boxwork.app.project.RecentProjects;
import io.boxwork.app.project.ProjectSession;
import io.boxwork.app.shell.MainWindow;
import io.boxwork.app.train.FasterRcnnDetectors;
import io.boxwork.app.welcome.FirstRun;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;

/** The workbench application: {@code boxwork [project-folder | --sample]}. */
public final class BoxworkApp extends Application {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        window = new MainWindow(stage, RecentProjects.inUserConfig(), ProjectSession.DEFAULT_DEBOUNCE);
        window.setDetectorFactory(FasterRcnnDetectors.standard());
        window.createScene(1280, 800);
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        FirstRun firstRun = FirstRun.standard(stage, window);
        firstRun.install();
        stage.show();
        List<String> args = getParameters().getUnnamed();
        if (args.equals(List.of("--sample"))) firstRun.openSampleLater();
        else if (!args.isEmpty()) window.openLater(Path.of(args.get(0)));
    }

    @Override
    public void stop() {
        // The close request already flushed; this covers Platform.exit() from elsewhere.
        if (window != null) window.quit();
    }
}
