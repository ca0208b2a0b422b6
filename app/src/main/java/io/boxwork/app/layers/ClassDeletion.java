package io.boxwork.app.layers;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;

import java.util.ArrayList;
import java.util.List;

/** What happens to the boxes of a class that is deleted: the person chooses in the delete dialog. */
public sealed interface ClassDeletion {

    int deletedClassId();

    /** The labels without the deleted class; the same object when nothing changes. */
    ImageLabels applyTo(ImageLabels labels);

    record DeleteBoxes(int deletedClassId) implements ClassDeletion {
        @Override
        public ImageLabels applyTo(ImageLabels labels) {
            List<Box> kept = new ArrayList<>(labels.boxes().size());
            for (Box b : labels.boxes()) if (b.classId() != deletedClassId) kept.add(b);
            return kept.size() == labels.boxes().size() ? labels : labels.withBoxes(kept);
        }
    }

    record MoveBoxes(int deletedClassId, int targetClassId) implements ClassDeletion {
        public MoveBoxes {
            if (deletedClassId == targetClassId) throw new IllegalArgumentException("cannot move boxes into the class being deleted");
        }

        @Override
        public ImageLabels applyTo(ImageLabels labels) {
            boolean any = false;
            List<Box> next = new ArrayList<>(labels.boxes().size());
            for (Box b : labels.boxes()) {
                if (b.classId() == deletedClassId) {
                    next.add(b.withClass(targetClassId));
                    any = true;
                } else {
                    next.add(b);
                }
            }
            return any ? labels.withBoxes(next) : labels;
        }
    }
}
