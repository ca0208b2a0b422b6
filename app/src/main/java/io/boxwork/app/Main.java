package io.boxwork.app;

import io.boxwork.engine.device.NativeLibraries;
import javafx.application.Application;

/**
 * Entry point for a plain classpath launch: JavaFX refuses to start an {@code Application}
 * subclass as the main class when it is not on the module path, so this class starts it.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        NativeLibraries.unpack();
        EngineThreads.configureInBackground();
        Application.launch(BoxworkApp.class, args);
    }
}
