package io.boxwork.app.layers;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.LabelClass;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.storage.Project;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.paint.Color;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The layers panel's model: one layer per class (in project order), the selected layer (the
 * class of new boxes) and the image layer. Class edits are saved to {@code boxwork.json} at once.
 */
public final class LayersViewModel {
    private final Project project;
    private final ObservableList<ClassLayer> classes = FXCollections.observableArrayList();
    private final ObjectProperty<ClassLayer> selected = new SimpleObjectProperty<>(this, "selected");
    private final ImageLayer image = new ImageLayer();
    /** Bumped whenever something the canvas draws changes (visibility, lock, colour). */
    private final IntegerProperty revision = new SimpleIntegerProperty(this, "revision");

    public LayersViewModel(Project project) {
        this.project = project;
        sync(project.settings());
    }

    public ObservableList<ClassLayer> classes() {
        return classes;
    }

    public ObjectProperty<ClassLayer> selectedProperty() {
        return selected;
    }

    public ImageLayer image() {
        return image;
    }

    public IntegerProperty revisionProperty() {
        return revision;
    }

    public Optional<ClassLayer> layer(int classId) {
        for (ClassLayer l : classes) if (l.classId() == classId) return Optional.of(l);
        return Optional.empty();
    }

    /** Layer 1..9 as the number keys count them. */
    public Optional<ClassLayer> layerNumber(int number) {
        return number >= 1 && number <= classes.size() ? Optional.of(classes.get(number - 1)) : Optional.empty();
    }

    public boolean visible(int classId) {
        return layer(classId).map(l -> l.visibleProperty().get()).orElse(true);
    }

    public boolean editable(int classId) {
        return layer(classId).map(ClassLayer::editable).orElse(true);
    }

    /** Colours by class id, for one redraw. A box of an unknown class is drawn grey. */
    public Map<Integer, Color> colours() {
        Map<Integer, Color> out = new HashMap<>();
        for (ClassLayer l : classes) out.put(l.classId(), l.colour());
        return out;
    }

    public void updateCounts(ImageLabels labels) {
        Map<Integer, Integer> counts = new HashMap<>();
        if (labels != null) for (Box b : labels.boxes()) counts.merge(b.classId(), 1, Integer::sum);
        for (ClassLayer l : classes) l.boxCountProperty().set(counts.getOrDefault(l.classId(), 0));
    }

    public ClassLayer addClass(String name) throws IOException {
        String trimmed = requireNewName(name, -1);
        ProjectSettings next = project.settings().withClassNamed(trimmed);
        project.saveSettings(next);
        sync(next);
        ClassLayer added = layer(next.classByName(trimmed).orElseThrow().id()).orElseThrow();
        selected.set(added);
        return added;
    }

    public void rename(ClassLayer layer, String name) throws IOException {
        String trimmed = requireNewName(name, layer.classId());
        replaceClass(layer.labelClassProperty().get().withName(trimmed));
    }

    public void recolour(ClassLayer layer, Color colour) throws IOException {
        replaceClass(layer.labelClassProperty().get().withColor(toHex(colour)));
    }

    /** After a class was deleted in the background, picks up the settings it saved. */
    public void reload() {
        sync(project.settings());
    }

    private void replaceClass(LabelClass changed) throws IOException {
        List<LabelClass> next = new ArrayList<>();
        for (LabelClass c : project.settings().classes()) next.add(c.id() == changed.id() ? changed : c);
        ProjectSettings settings = project.settings().withClasses(next);
        project.saveSettings(settings);
        sync(settings);
    }

    private String requireNewName(String name, int exceptId) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) throw new IllegalArgumentException("A class name cannot be empty.");
        for (LabelClass c : project.settings().classes()) {
            if (c.name().equals(trimmed) && c.id() != exceptId) throw new IllegalArgumentException("A class named '" + trimmed + "' already exists.");
        }
        return trimmed;
    }

    /** Matches the layers to the project's classes, keeping each layer's visibility and lock. */
    private void sync(ProjectSettings settings) {
        ClassLayer previouslySelected = selected.get();
        Map<Integer, ClassLayer> existing = new HashMap<>();
        for (ClassLayer l : classes) existing.put(l.classId(), l);
        List<ClassLayer> next = new ArrayList<>();
        for (LabelClass c : settings.classes()) {
            ClassLayer l = existing.get(c.id());
            if (l == null) {
                l = new ClassLayer(c);
                l.visibleProperty().addListener((o, a, b) -> bump());
                l.lockedProperty().addListener((o, a, b) -> bump());
                l.labelClassProperty().addListener((o, a, b) -> bump());
            } else {
                l.labelClassProperty().set(c);
            }
            next.add(l);
        }
        classes.setAll(next);
        if (previouslySelected != null && next.contains(previouslySelected)) selected.set(previouslySelected);
        else selected.set(next.isEmpty() ? null : next.get(0));
        bump();
    }

    private void bump() {
        revision.set(revision.get() + 1);
    }

    static String toHex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }
}
