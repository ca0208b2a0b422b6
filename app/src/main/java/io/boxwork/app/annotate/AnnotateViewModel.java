package io.boxwork.app.annotate;

import io.boxwork.annotations.edit.EditCommand;
import io.boxwork.annotations.edit.Edits;
import io.boxwork.annotations.edit.ImageDocument;
import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.storage.AutosaveWriter;
import io.boxwork.app.images.DecodedImage;
import io.boxwork.app.images.ImageDecoder;
import io.boxwork.app.images.ImagePrefetcher;
import io.boxwork.app.layers.ClassLayer;
import io.boxwork.app.layers.LayersViewModel;
import io.boxwork.app.project.ProjectSession;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The Annotate mode's state and commands. Every change to labels is an {@link EditCommand} built by
 * {@link Edits} and run through the image's {@link ImageDocument} (so it can be undone); each new
 * snapshot goes to autosave. Lives on the UI thread.
 */
public final class AnnotateViewModel implements AutoCloseable {
    private final ProjectSession session;
    private final LayersViewModel layers;
    private final ImageListViewModel imageList;
    private final ImagePrefetcher prefetcher;
    private final Map<String, ImageDocument> documents = new HashMap<>();

    private final IntegerProperty index = new SimpleIntegerProperty(this, "index", -1);
    private final ObjectProperty<ImageLabels> labels = new SimpleObjectProperty<>(this, "labels");
    private final ObjectProperty<DecodedImage> picture = new SimpleObjectProperty<>(this, "picture");
    private final ObjectProperty<Set<Long>> selection = new SimpleObjectProperty<>(this, "selection", Set.of());
    private final BooleanProperty editable = new SimpleBooleanProperty(this, "editable", false);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty undoText = new SimpleStringProperty(this, "undoText", "");
    private final StringProperty redoText = new SimpleStringProperty(this, "redoText", "");
    private final ObjectProperty<AutosaveWriter.Status> autosaveStatus;
    private ImageDocument document;
    private List<Box> clipboard = List.of();
    private BiConsumer<String, Throwable> errors = (title, e) -> message.set(title + ": " + e.getMessage());

    public AnnotateViewModel(ProjectSession session) {
        this(session, new ImagePrefetcher(new ImageDecoder(), session.project()::imageFile));
    }

    public AnnotateViewModel(ProjectSession session, ImagePrefetcher prefetcher) {
        this.session = session;
        this.prefetcher = prefetcher;
        this.layers = new LayersViewModel(session.project());
        this.imageList = new ImageListViewModel(session.project().images());
        this.autosaveStatus = new SimpleObjectProperty<>(this, "autosaveStatus", session.autosave().status());
        session.autosave().addListener(s -> Platform.runLater(() -> autosaveStatus.set(s)));
        layers.revisionProperty().addListener((o, a, b) -> pruneSelection());
    }

    /** Where failures go (the window shows a dialog); the data stays as it was. */
    public void setErrorHandler(BiConsumer<String, Throwable> handler) {
        this.errors = handler;
    }

    public ProjectSession session() {
        return session;
    }

    public LayersViewModel layers() {
        return layers;
    }

    public ImageListViewModel imageList() {
        return imageList;
    }

    public ImagePrefetcher prefetcher() {
        return prefetcher;
    }

    public IntegerProperty indexProperty() {
        return index;
    }

    public ObjectProperty<ImageLabels> labelsProperty() {
        return labels;
    }

    public ObjectProperty<DecodedImage> pictureProperty() {
        return picture;
    }

    public ObjectProperty<Set<Long>> selectionProperty() {
        return selection;
    }

    public BooleanProperty editableProperty() {
        return editable;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty undoTextProperty() {
        return undoText;
    }

    public StringProperty redoTextProperty() {
        return redoText;
    }

    public ObjectProperty<AutosaveWriter.Status> autosaveStatusProperty() {
        return autosaveStatus;
    }

    public Set<Long> selection() {
        return selection.get();
    }

    public List<Box> selectedBoxes() {
        ImageLabels l = labels.get();
        if (l == null) return List.of();
        List<Box> out = new ArrayList<>();
        for (Box b : l.boxes()) if (selection.get().contains(b.id())) out.add(b);
        return out;
    }

    // ---- navigation -------------------------------------------------------------------------

    public void open(int i) {
        if (i < 0 || i >= imageList.size()) return;
        String path = imageList.path(i);
        index.set(i);
        selection.set(Set.of());
        document = documents.get(path);
        if (document == null) {
            try {
                document = new ImageDocument(session.labels(path));
                document.addListener(this::onSnapshot);
                documents.put(path, document);
            } catch (IOException | RuntimeException e) {
                // A malformed labels file stays untouched: the image is shown but cannot be edited.
                document = null;
                labels.set(null);
                editable.set(false);
                layers.updateCounts(null);
                updateUndoTexts();
                errors.accept("Cannot read the labels of " + path, e);
                showPicture(i, path);
                return;
            }
        }
        labels.set(document.labels());
        editable.set(!session.readOnly());
        imageList.setStatus(i, document.labels().status());
        layers.updateCounts(document.labels());
        updateUndoTexts();
        showPicture(i, path);
    }

    private void showPicture(int i, String path) {
        List<String> keep = new ArrayList<>();
        keep.add(path);
        for (int d : new int[] {1, -1, 2}) {
            int j = i + d;
            if (j >= 0 && j < imageList.size()) keep.add(imageList.path(j));
        }
        prefetcher.keepOnly(keep);
        var future = prefetcher.get(path);
        if (future.isDone() && !future.isCompletedExceptionally()) {
            picture.set(future.join());
            return;
        }
        picture.set(null);
        future.whenComplete((img, err) -> Platform.runLater(() -> {
            if (index.get() != i) return;
            if (err != null) {
                if (!(err instanceof java.util.concurrent.CancellationException)) {
                    errors.accept("Cannot show " + path, err.getCause() != null ? err.getCause() : err);
                }
            } else {
                picture.set(img);
            }
        }));
    }

    /** Statuses read from disk at open; images edited meanwhile keep the status on screen. */
    public void applyScannedStatuses(Map<Integer, ImageStatus> scanned) {
        Map<Integer, ImageStatus> fresh = new HashMap<>();
        scanned.forEach((i, s) -> {
            if (i < imageList.size() && session.editedInThisSession(imageList.path(i)).isEmpty()) fresh.put(i, s);
        });
        imageList.setStatuses(fresh);
    }

    public void next() {
        open(Math.min(index.get() + 1, imageList.size() - 1));
    }

    public void previous() {
        open(Math.max(index.get() - 1, 0));
    }

    public void nextUnlabelled() {
        imageList.nextTodo(index.get()).ifPresentOrElse(this::open, () -> message.set("Every image is done."));
    }

    // ---- selection --------------------------------------------------------------------------

    public void select(Collection<Long> ids) {
        selection.set(Set.copyOf(ids));
    }

    public void toggleSelected(long id) {
        Set<Long> next = new LinkedHashSet<>(selection.get());
        if (!next.remove(id)) next.add(id);
        selection.set(Set.copyOf(next));
    }

    public void selectAll() {
        ImageLabels l = labels.get();
        if (l == null) return;
        select(l.boxes().stream().filter(b -> layers.editable(b.classId())).map(Box::id).toList());
    }

    public void clearSelection() {
        selection.set(Set.of());
    }

    private void pruneSelection() {
        ImageLabels l = labels.get();
        if (l == null || selection.get().isEmpty()) return;
        Set<Long> keep = new LinkedHashSet<>();
        for (Box b : l.boxes()) if (selection.get().contains(b.id()) && layers.editable(b.classId())) keep.add(b.id());
        if (!keep.equals(selection.get())) selection.set(Set.copyOf(keep));
    }

    // ---- edits ------------------------------------------------------------------------------

    /** Draws a new box of the selected layer's class; refuses tiny boxes and locked or hidden layers. */
    public boolean addBox(double x1, double y1, double x2, double y2) {
        if (!canEdit()) return false;
        ClassLayer layer = layers.selectedProperty().get();
        if (layer == null) {
            message.set("Add a class in the layers panel first.");
            return false;
        }
        if (!layer.editable()) {
            message.set("The layer '" + layer.name() + "' is " + (layer.lockedProperty().get() ? "locked" : "hidden") + ".");
            return false;
        }
        ImageLabels l = labels.get();
        float ax = clamp(x1, l.width()), bx = clamp(x2, l.width()), ay = clamp(y1, l.height()), by = clamp(y2, l.height());
        if (Math.abs(bx - ax) < 1 || Math.abs(by - ay) < 1) return false;
        EditCommand c = Edits.add(l, layer.classId(), ax, ay, bx, by);
        execute(c);
        select(((EditCommand.AddBoxes) c).boxes().stream().map(Box::id).toList());
        return true;
    }

    public void moveSelected(double dx, double dy) {
        if (!canEdit() || selection.get().isEmpty() || (dx == 0 && dy == 0)) return;
        execute(Edits.move(labels.get(), selection.get(), (float) dx, (float) dy));
    }

    public void resize(long id, float x1, float y1, float x2, float y2) {
        if (!canEdit()) return;
        EditCommand c = Edits.resize(labels.get(), id, x1, y1, x2, y2);
        Box after = ((EditCommand.ReplaceBoxes) c).after().get(0);
        if (!after.hasArea()) {
            message.set("A box needs a width and a height; the resize was not applied.");
            return;
        }
        execute(c);
    }

    /** Number key: relabels the selection (if any) and makes that class the one new boxes get. */
    public void chooseClass(int number) {
        var layer = layers.layerNumber(number);
        if (layer.isEmpty()) {
            message.set("There is no class " + number + ".");
            return;
        }
        layers.selectedProperty().set(layer.get());
        if (!selection.get().isEmpty() && canEdit()) {
            if (layer.get().lockedProperty().get()) {
                message.set("The layer '" + layer.get().name() + "' is locked.");
                return;
            }
            execute(Edits.relabel(labels.get(), selection.get(), layer.get().classId()));
            pruneSelection();
        }
    }

    public void deleteSelected() {
        if (!canEdit() || selection.get().isEmpty()) return;
        execute(Edits.delete(labels.get(), selection.get()));
        selection.set(Set.of());
    }

    public void copy() {
        clipboard = selectedBoxes();
        if (!clipboard.isEmpty()) message.set("Copied " + clipboard.size() + (clipboard.size() == 1 ? " box" : " boxes"));
    }

    public void paste() {
        pasteBoxes(clipboard, "the clipboard is empty");
    }

    /** Copies every box of the image before this one (as last edited) onto this image. */
    public void pastePreviousImage() {
        int i = index.get();
        if (i <= 0) {
            message.set("There is no previous image.");
            return;
        }
        try {
            pasteBoxes(session.labels(imageList.path(i - 1)).boxes(), "the previous image has no boxes");
        } catch (IOException e) {
            errors.accept("Cannot read the previous image's labels", e);
        }
    }

    private void pasteBoxes(List<Box> boxes, String whyNothing) {
        if (!canEdit()) return;
        if (boxes.isEmpty()) {
            message.set("Nothing to paste: " + whyNothing + ".");
            return;
        }
        EditCommand c = Edits.paste(labels.get(), boxes);
        List<Box> added = ((EditCommand.AddBoxes) c).boxes();
        if (added.isEmpty()) {
            message.set("Nothing to paste: every box falls outside this image.");
            return;
        }
        execute(c);
        select(added.stream().map(Box::id).toList());
    }

    public void setStatus(ImageStatus status) {
        if (!canEdit() || labels.get().status() == status) return;
        execute(new EditCommand.SetStatus(labels.get().status(), status));
    }

    public void undo() {
        if (document != null && document.undo()) {
            pruneSelectionToExisting();
        }
    }

    public void redo() {
        if (document != null && document.redo()) {
            pruneSelectionToExisting();
        }
    }

    /** Writes pending edits now (Ctrl+S); autosave would do it a moment later anyway. */
    public void saveNow() {
        try {
            session.flush();
            message.set("Saved.");
        } catch (IOException e) {
            errors.accept("Saving failed (your edits are kept and will be retried)", e);
        }
    }

    /** Drops open documents after a background job rewrote labels files, then shows the current image again. */
    public void reloadAfterBackgroundChange() {
        documents.clear();
        layers.reload();
        if (index.get() >= 0) open(index.get());
    }

    private void pruneSelectionToExisting() {
        ImageLabels l = labels.get();
        Set<Long> keep = new LinkedHashSet<>();
        for (long id : selection.get()) if (l.box(id).isPresent()) keep.add(id);
        selection.set(Set.copyOf(keep));
    }

    private boolean canEdit() {
        if (document == null || labels.get() == null) return false;
        if (session.readOnly()) {
            message.set("The project is open read-only; edits are not possible.");
            return false;
        }
        return true;
    }

    private void execute(EditCommand c) {
        try {
            document.execute(c);
        } catch (RuntimeException e) {
            errors.accept("The edit was not applied", e);
        }
    }

    private void onSnapshot(ImageLabels snapshot) {
        session.submit(snapshot);
        if (document != null && document.labels() == snapshot) {
            labels.set(snapshot);
            layers.updateCounts(snapshot);
            imageList.setStatus(index.get(), snapshot.status());
            updateUndoTexts();
        }
    }

    private void updateUndoTexts() {
        undoText.set(document == null ? "" : document.undoDescription().orElse(""));
        redoText.set(document == null ? "" : document.redoDescription().orElse(""));
    }

    private static float clamp(double v, int max) {
        return (float) Math.max(0, Math.min(max, v));
    }

    @Override
    public void close() {
        prefetcher.close();
    }
}
