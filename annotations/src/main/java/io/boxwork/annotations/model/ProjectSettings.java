package io.boxwork.annotations.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of {@code boxwork.json}: everything about a project except its labels.
 *
 * @param schemaVersion the project format version this was written with
 * @param imagesDir     folder of the images, relative to the project folder (or absolute)
 */
public record ProjectSettings(int schemaVersion, String name, List<LabelClass> classes, String imagesDir,
                              SplitPlan split, AnchorSettings anchors, TrainingDefaults training) {

    public static final int CURRENT_SCHEMA = 1;

    public ProjectSettings {
        Objects.requireNonNull(name, "name");
        classes = List.copyOf(classes);
        if (imagesDir == null || imagesDir.isBlank()) imagesDir = "images";
        if (split == null) split = SplitPlan.defaults();
        if (anchors == null) anchors = AnchorSettings.torchvisionDefaults();
        if (training == null) training = TrainingDefaults.defaults();
        long distinctIds = classes.stream().mapToInt(LabelClass::id).distinct().count();
        if (distinctIds != classes.size()) throw new IllegalArgumentException("class ids must be unique");
        long distinctNames = classes.stream().map(LabelClass::name).distinct().count();
        if (distinctNames != classes.size()) throw new IllegalArgumentException("class names must be unique");
    }

    public static ProjectSettings create(String name, List<String> classNames) {
        List<LabelClass> classes = new ArrayList<>();
        for (int i = 0; i < classNames.size(); i++) {
            classes.add(new LabelClass(i + 1, classNames.get(i), LabelClass.defaultColour(i)));
        }
        return new ProjectSettings(CURRENT_SCHEMA, name, classes, "images", SplitPlan.defaults(),
            AnchorSettings.torchvisionDefaults(), TrainingDefaults.defaults());
    }

    public Optional<LabelClass> classById(int id) {
        return classes.stream().filter(c -> c.id() == id).findFirst();
    }

    public Optional<LabelClass> classByName(String className) {
        return classes.stream().filter(c -> c.name().equals(className)).findFirst();
    }

    public int nextClassId() {
        return classes.stream().mapToInt(LabelClass::id).max().orElse(0) + 1;
    }

    /** Adds a class with the next id and a default colour (or returns the settings unchanged if it exists). */
    public ProjectSettings withClassNamed(String className) {
        if (classByName(className).isPresent()) return this;
        List<LabelClass> next = new ArrayList<>(classes);
        next.add(new LabelClass(nextClassId(), className, LabelClass.defaultColour(classes.size())));
        return withClasses(next);
    }

    public ProjectSettings withClasses(List<LabelClass> newClasses) {
        return new ProjectSettings(schemaVersion, name, newClasses, imagesDir, split, anchors, training);
    }

    public ProjectSettings withSplit(SplitPlan newSplit) {
        return new ProjectSettings(schemaVersion, name, classes, imagesDir, newSplit, anchors, training);
    }

    public ProjectSettings withAnchors(AnchorSettings newAnchors) {
        return new ProjectSettings(schemaVersion, name, classes, imagesDir, split, newAnchors, training);
    }

    public ProjectSettings withTraining(TrainingDefaults newTraining) {
        return new ProjectSettings(schemaVersion, name, classes, imagesDir, split, anchors, newTraining);
    }

    public ProjectSettings withImagesDir(String dir) {
        return new ProjectSettings(schemaVersion, name, classes, dir, split, anchors, training);
    }

    /** Index 1..K of a class as the detector sees it (0 is background). */
    public int contiguousLabel(int classId) {
        for (int i = 0; i < classes.size(); i++) if (classes.get(i).id() == classId) return i + 1;
        throw new IllegalArgumentException("no class with id " + classId);
    }
}
