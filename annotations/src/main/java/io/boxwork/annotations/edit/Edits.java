package io.boxwork.annotations.edit;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.BoxSource;
import io.boxwork.annotations.model.ImageLabels;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Builds the commands for the gestures a person makes, from the image's current labels. */
public final class Edits {
    private Edits() {
    }

    public static EditCommand add(ImageLabels labels, int classId, float x1, float y1, float x2, float y2) {
        return new EditCommand.AddBoxes(List.of(Box.manual(labels.nextBoxId(), classId,
            Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2))));
    }

    /** Copies of boxes (from the clipboard or another image) with fresh ids, clipped to this image. */
    public static EditCommand paste(ImageLabels labels, Collection<Box> boxes) {
        long id = labels.nextBoxId();
        List<Box> added = new ArrayList<>();
        for (Box b : boxes) {
            Box c = b.clippedTo(labels.width(), labels.height()).withId(id);
            if (c.hasArea()) {
                added.add(c);
                id++;
            }
        }
        return new EditCommand.AddBoxes(added);
    }

    public static EditCommand delete(ImageLabels labels, Collection<Long> ids) {
        return new EditCommand.RemoveBoxes(select(labels, ids));
    }

    /** Moves boxes, kept inside the image as a whole (a box pushed against the edge stops there). */
    public static EditCommand move(ImageLabels labels, Collection<Long> ids, float dx, float dy) {
        List<Box> before = select(labels, ids);
        List<Box> after = new ArrayList<>(before.size());
        for (Box b : before) {
            float cdx = Math.max(-b.x1(), Math.min(labels.width() - b.x2(), dx));
            float cdy = Math.max(-b.y1(), Math.min(labels.height() - b.y2(), dy));
            after.add(b.translated(cdx, cdy));
        }
        return new EditCommand.ReplaceBoxes(ids.size() == 1 ? "Move box" : "Move " + ids.size() + " boxes", before, after);
    }

    /** Sets one box's corners (normalised so x1 <= x2 and clipped to the image). */
    public static EditCommand resize(ImageLabels labels, long id, float x1, float y1, float x2, float y2) {
        Box before = select(labels, List.of(id)).get(0);
        Box after = before.withCoords(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2))
            .clippedTo(labels.width(), labels.height());
        return new EditCommand.ReplaceBoxes("Resize box", List.of(before), List.of(after));
    }

    public static EditCommand relabel(ImageLabels labels, Collection<Long> ids, int classId) {
        List<Box> before = select(labels, ids);
        List<Box> after = before.stream().map(b -> b.withClass(classId)).toList();
        return new EditCommand.ReplaceBoxes(ids.size() == 1 ? "Change class" : "Change class of " + ids.size() + " boxes",
            before, after);
    }

    /**
     * Predictions become labels: each gets a fresh id and stays marked predicted (with its score)
     * until a person confirms it.
     */
    public static EditCommand acceptPredictions(ImageLabels labels, Collection<Box> predictions) {
        long id = labels.nextBoxId();
        List<Box> added = new ArrayList<>();
        for (Box p : predictions) {
            Box clipped = p.clippedTo(labels.width(), labels.height());
            if (!clipped.hasArea()) continue;
            added.add(new Box(id++, p.classId(), clipped.x1(), clipped.y1(), clipped.x2(), clipped.y2(),
                BoxSource.PREDICTED, p.score() == null ? 1f : p.score()));
        }
        String what = added.size() == 1 ? "Accept prediction" : "Accept " + added.size() + " predictions";
        return new EditCommand.Batch(what, List.of(new EditCommand.AddBoxes(added)));
    }

    /** A person confirms predicted boxes: they become manual. */
    public static EditCommand confirm(ImageLabels labels, Collection<Long> ids) {
        List<Box> before = select(labels, ids).stream().filter(b -> b.source() == BoxSource.PREDICTED).toList();
        return new EditCommand.ReplaceBoxes("Confirm predictions", before, before.stream().map(Box::confirmed).toList());
    }

    private static List<Box> select(ImageLabels labels, Collection<Long> ids) {
        List<Box> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            out.add(labels.box(id).orElseThrow(() -> new IllegalArgumentException(
                "box " + id + " is not in " + labels.imagePath())));
        }
        return out;
    }
}
