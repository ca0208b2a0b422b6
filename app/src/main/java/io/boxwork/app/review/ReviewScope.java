package io.boxwork.app.review;

import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.storage.Project;

import java.util.List;

/** Which images a review runs the checkpoint over. */
public enum ReviewScope {
    VAL("val split"), TEST("test split"), ALL("whole project");

    private final String title;

    ReviewScope(String title) {
        this.title = title;
    }

    public List<String> images(Project project) {
        return switch (this) {
            case VAL -> project.images(Split.VAL);
            case TEST -> project.images(Split.TEST);
            case ALL -> project.images();
        };
    }

    public String fileTag() {
        return name().toLowerCase();
    }

    @Override
    public String toString() {
        return title;
    }
}
