package io.boxwork.annotations.edit;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One edit of one image's labels, carrying its own inverse: undo is applying the inverse.
 * Boxes stay ordered by id, so undoing a delete puts a box back exactly where it was.
 */
public sealed interface EditCommand {

    ImageLabels applyTo(ImageLabels labels);

    EditCommand inverse();

    /** Shown in the Edit menu: "Undo Move 3 boxes". */
    String description();

    record AddBoxes(List<Box> boxes) implements EditCommand {
        public AddBoxes {
            boxes = List.copyOf(boxes);
        }

        @Override
        public ImageLabels applyTo(ImageLabels labels) {
            Set<Long> present = new HashSet<>();
            for (Box b : labels.boxes()) present.add(b.id());
            List<Box> next = new ArrayList<>(labels.boxes());
            for (Box b : boxes) {
                if (!present.add(b.id())) throw new IllegalStateException("box " + b.id() + " already exists in " + labels.imagePath());
                next.add(b);
            }
            next.sort(Comparator.comparingLong(Box::id));
            return labels.withBoxes(next);
        }

        @Override
        public EditCommand inverse() {
            return new RemoveBoxes(boxes);
        }

        @Override
        public String description() {
            return boxes.size() == 1 ? "Add box" : "Add " + boxes.size() + " boxes";
        }
    }

    record RemoveBoxes(List<Box> boxes) implements EditCommand {
        public RemoveBoxes {
            boxes = List.copyOf(boxes);
        }

        @Override
        public ImageLabels applyTo(ImageLabels labels) {
            Set<Long> ids = new HashSet<>();
            for (Box b : boxes) ids.add(b.id());
            List<Box> next = new ArrayList<>(labels.boxes().size());
            for (Box b : labels.boxes()) if (!ids.remove(b.id())) next.add(b);
            if (!ids.isEmpty()) throw new IllegalStateException("boxes " + ids + " are not in " + labels.imagePath());
            return labels.withBoxes(next);
        }

        @Override
        public EditCommand inverse() {
            return new AddBoxes(boxes);
        }

        @Override
        public String description() {
            return boxes.size() == 1 ? "Delete box" : "Delete " + boxes.size() + " boxes";
        }
    }

    /** Move, resize, relabel or confirm: the same boxes (by id) before and after. */
    record ReplaceBoxes(String description, List<Box> before, List<Box> after) implements EditCommand {
        public ReplaceBoxes {
            before = List.copyOf(before);
            after = List.copyOf(after);
            if (before.size() != after.size()) throw new IllegalArgumentException("before and after must hold the same boxes");
        }

        @Override
        public ImageLabels applyTo(ImageLabels labels) {
            Map<Long, Box> replacement = new HashMap<>();
            for (Box b : after) replacement.put(b.id(), b);
            List<Box> next = new ArrayList<>(labels.boxes().size());
            int replaced = 0;
            for (Box b : labels.boxes()) {
                Box r = replacement.get(b.id());
                if (r != null) replaced++;
                next.add(r != null ? r : b);
            }
            if (replaced != replacement.size()) throw new IllegalStateException("some boxes to change are not in " + labels.imagePath());
            return labels.withBoxes(next);
        }

        @Override
        public EditCommand inverse() {
            return new ReplaceBoxes(description, after, before);
        }
    }

    record SetStatus(ImageStatus from, ImageStatus to) implements EditCommand {
        @Override
        public ImageLabels applyTo(ImageLabels labels) {
            return labels.withStatus(to);
        }

        @Override
        public EditCommand inverse() {
            return new SetStatus(to, from);
        }

        @Override
        public String description() {
            return "Mark " + to.jsonName();
        }
    }

    /** Several edits that undo as one, such as "accept these predictions". */
    record Batch(String description, List<EditCommand> steps) implements EditCommand {
        public Batch {
            steps = List.copyOf(steps);
        }

        @Override
        public ImageLabels applyTo(ImageLabels labels) {
            ImageLabels l = labels;
            for (EditCommand c : steps) l = c.applyTo(l);
            return l;
        }

        @Override
        public EditCommand inverse() {
            List<EditCommand> inv = new ArrayList<>(steps.size());
            for (int i = steps.size() - 1; i >= 0; i--) inv.add(steps.get(i).inverse());
            return new Batch(description, inv);
        }
    }
}
