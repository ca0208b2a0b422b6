package io.boxwork.app.train;

import io.boxwork.app.annotate.AnnotateViewModel;
import io.boxwork.app.project.ProjectSession;
import io.boxwork.app.review.ReviewMode;
import io.boxwork.app.review.ReviewViewModel;
import io.boxwork.app.shell.ModeSwitcher;

/** Registers the two modes that need a detector, Train and Review, on an open project. */
public final class ModelModes {
    private ModelModes() {
    }

    /** Review accepts through {@code annotate}'s documents, so both modes share each image's undo stack. */
    public static void register(ModeSwitcher modes, ProjectSession session, AnnotateViewModel annotate, DetectorFactory detectors) {
        modes.register(new TrainMode(new TrainViewModel(session, detectors)));
        modes.register(new ReviewMode(new ReviewViewModel(session, annotate::document, detectors)));
    }
}
