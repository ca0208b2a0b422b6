package io.boxwork.annotations.anchors;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.BoxSource;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.storage.Project;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled boxes of the train split as the anchor maths reads them: the boxes a person drew or
 * accepted (predictions are not ground truth), images that cannot be read listed apart. The
 * Anchors view and the {@code anchors} command both measure coverage on exactly this.
 *
 * @param unreadable one line per image whose labels could not be read, naming the file and why
 */
public record TrainingBoxes(List<AnchorImage> images, List<String> unreadable) {

    /** Where labels come from: the files on disk, or an open session's latest edits. */
    @FunctionalInterface
    public interface LabelsSource {
        ImageLabels labels(String imagePath) throws IOException;
    }

    public TrainingBoxes {
        images = List.copyOf(images);
        unreadable = List.copyOf(unreadable);
    }

    /** The train split's labels as stored on disk. */
    public static TrainingBoxes read(Project project) {
        return read(project, project::labels);
    }

    /** Reads every train image's labels; slow on big projects, so keep it off a UI thread. */
    public static TrainingBoxes read(Project project, LabelsSource source) {
        List<AnchorImage> images = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (String path : project.images(Split.TRAIN)) {
            try {
                images.add(of(source.labels(path)));
            } catch (IOException | RuntimeException e) {
                unreadable.add(project.labelsFile(path) + ": " + e.getMessage());
            }
        }
        return new TrainingBoxes(images, unreadable);
    }

    public static AnchorImage of(ImageLabels labels) {
        List<LabelledBox> boxes = new ArrayList<>();
        for (Box b : labels.boxes()) {
            if (b.source() == BoxSource.MANUAL && b.hasArea()) boxes.add(new LabelledBox(b.classId(), b.x1(), b.y1(), b.x2(), b.y2()));
        }
        return new AnchorImage(labels.imagePath(), labels.height(), labels.width(), boxes);
    }

    public int boxCount() {
        return images.stream().mapToInt(i -> i.boxes().size()).sum();
    }
}
