package io.boxwork.engine.train;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.LabelClass;
import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.storage.Project;
import io.boxwork.engine.inference.ImageTensors;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled images of one split of a project. Boxes without area are left out (the
 * pre-launch checks warn about them); predicted boxes a person has not accepted are not ground truth.
 */
public final class ProjectSamples implements SampleSource {
    private final Project project;
    private final List<String> images;
    private final List<String> classNames;

    public ProjectSamples(Project project, Split split) {
        this.project = project;
        this.images = project.images(split).stream().filter(project::hasLabels).toList();
        List<String> names = new ArrayList<>();
        for (LabelClass c : project.settings().classes()) names.add(c.name());
        this.classNames = List.copyOf(names);
    }

    @Override
    public int size() {
        return images.size();
    }

    public List<String> imagePaths() {
        return images;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    public ImageLabels labels(int index) throws IOException {
        return project.labels(images.get(index));
    }

    @Override
    public DetectionSample load(int index) throws IOException {
        String path = images.get(index);
        ImageLabels labels = project.labels(path);
        ImageTensors.Pixels px = ImageTensors.read(project.imageFile(path));
        if (px.width() != labels.width() || px.height() != labels.height()) {
            throw new IOException(project.labelsFile(path) + ": labels were drawn on a " + labels.width() + "x" + labels.height()
                + " image but " + project.imageFile(path) + " is " + px.width() + "x" + px.height());
        }
        List<Box> kept = new ArrayList<>();
        for (Box b : labels.boxes()) {
            if (b.source() == io.boxwork.annotations.model.BoxSource.MANUAL && b.hasArea()) kept.add(b);
        }
        float[] boxes = new float[kept.size() * 4];
        long[] classes = new long[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            Box b = kept.get(i);
            boxes[4 * i] = b.x1();
            boxes[4 * i + 1] = b.y1();
            boxes[4 * i + 2] = b.x2();
            boxes[4 * i + 3] = b.y2();
            classes[i] = project.settings().contiguousLabel(b.classId());
        }
        return new DetectionSample(path, px.chw(), px.width(), px.height(), boxes, classes);
    }
}
