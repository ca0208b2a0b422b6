package io.boxwork.annotations.edit;

import io.boxwork.annotations.model.ImageLabels;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The labels of the image being edited and their undo history. Every change goes through
 * {@link #execute}; listeners (the canvas, autosave) receive each new immutable snapshot.
 * Confined to one thread (the UI thread in the app).
 */
public final class ImageDocument {
    public static final int DEFAULT_HISTORY = 500;

    private final int historyLimit;
    private final Deque<EditCommand> undo = new ArrayDeque<>();
    private final Deque<EditCommand> redo = new ArrayDeque<>();
    private final List<Consumer<ImageLabels>> listeners = new CopyOnWriteArrayList<>();
    private ImageLabels labels;

    public ImageDocument(ImageLabels labels) {
        this(labels, DEFAULT_HISTORY);
    }

    public ImageDocument(ImageLabels labels, int historyLimit) {
        if (historyLimit <= 0) throw new IllegalArgumentException("history limit must be positive");
        this.labels = labels;
        this.historyLimit = historyLimit;
    }

    public ImageLabels labels() {
        return labels;
    }

    public void addListener(Consumer<ImageLabels> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<ImageLabels> listener) {
        listeners.remove(listener);
    }

    public void execute(EditCommand command) {
        labels = command.applyTo(labels);
        undo.push(command);
        if (undo.size() > historyLimit) undo.removeLast();
        redo.clear();
        fire();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peek()).map(EditCommand::description);
    }

    public Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peek()).map(EditCommand::description);
    }

    public boolean undo() {
        EditCommand c = undo.poll();
        if (c == null) return false;
        labels = c.inverse().applyTo(labels);
        redo.push(c);
        fire();
        return true;
    }

    public boolean redo() {
        EditCommand c = redo.poll();
        if (c == null) return false;
        labels = c.applyTo(labels);
        undo.push(c);
        fire();
        return true;
    }

    public int undoDepth() {
        return undo.size();
    }

    private void fire() {
        for (Consumer<ImageLabels> l : listeners) l.accept(labels);
    }
}
