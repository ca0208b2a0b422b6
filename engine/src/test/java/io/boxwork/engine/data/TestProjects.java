package io.boxwork.engine.data;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.model.SplitPlan;
import io.boxwork.annotations.storage.Project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small real projects on disk for the data tests: PNG images, labels files, chosen splits. */
final class TestProjects {
    private final Path dir;
    private final Map<String, Split> splits = new HashMap<>();
    private ProjectSettings settings;
    private final Project project;

    private TestProjects(Path dir, List<String> classes) throws IOException {
        this.dir = dir;
        this.settings = ProjectSettings.create("test", classes).withSplit(new SplitPlan(1, 0, 0, Map.of()));
        this.project = Project.create(dir, settings);
    }

    static TestProjects create(Path dir, String... classes) throws IOException {
        return new TestProjects(dir, List.of(classes));
    }

    Project project() {
        return project;
    }

    Path dir() {
        return dir;
    }

    /** An image of the given size in {@code split}, labelled {@code done} with {@code boxes}. */
    TestProjects image(String name, int width, int height, Split split, Box... boxes) throws IOException {
        return image(name, width, height, split, ImageStatus.DONE, boxes);
    }

    TestProjects image(String name, int width, int height, Split split, ImageStatus status, Box... boxes) throws IOException {
        unlabelledImage(name, width, height, split);
        project.saveLabels(new ImageLabels(name, width, height, status, List.of(boxes)));
        return this;
    }

    /** An image file without any labels file. */
    TestProjects unlabelledImage(String name, int width, int height, Split split) throws IOException {
        TestImageFiles.write(TestImageFiles.gradient(width, height), "png", project.imageFile(name));
        splits.put(name, split);
        settings = settings.withSplit(settings.split().withOverride(name, split));
        project.saveSettings(settings);
        project.rescanImages();
        return this;
    }

    TestProjects settings(ProjectSettings next) throws IOException {
        settings = next.withSplit(settings.split());
        project.saveSettings(settings);
        return this;
    }

    static Box box(long id, int classId, float x1, float y1, float x2, float y2) {
        return Box.manual(id, classId, x1, y1, x2, y2);
    }
}
