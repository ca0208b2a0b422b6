package io.boxwork.engine.data;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.BoxSource;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.storage.Project;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The images of one project split as detector inputs and targets (torchvision's convention:
 * boxes in image pixels, labels 1..K from {@link ProjectSettings#contiguousLabel}, 0 is
 * background).
 * <p>Which images and boxes take part:
 * <ul>
 *   <li>an image with a labels file takes part; one with no boxes is a negative, kept so the
 *       detector learns what to leave alone — unless its status is still {@code todo} and it has
 *       no box a person drew, which means nobody has labelled it yet: it is left out
 *       ({@link #skippedUnlabelled()});</li>
 *   <li>only boxes a person drew or confirmed ({@link BoxSource#MANUAL}); unconfirmed
 *       predictions are not ground truth;</li>
 *   <li>boxes are clipped to the image; one left with no area is dropped (the preflight names it).</li>
 * </ul>
 */
public final class DetectionDataset implements SampleSource {
    private final List<DatasetEntry> entries;
    private final int numClasses;
    private final int skippedUnlabelled;
    private final Augmentation augmentation;

    private DetectionDataset(List<DatasetEntry> entries, int numClasses, int skippedUnlabelled, Augmentation augmentation) {
        this.entries = List.copyOf(entries);
        this.numClasses = numClasses;
        this.skippedUnlabelled = skippedUnlabelled;
        this.augmentation = augmentation;
    }

    /** Reads the labels of every image in {@code split}; no pixels are decoded yet. */
    public static DetectionDataset of(Project project, Split split) throws IOException {
        ProjectSettings settings = project.settings();
        List<DatasetEntry> entries = new ArrayList<>();
        int skipped = 0;
        for (String image : project.images(split)) {
            if (!project.hasLabels(image)) {
                skipped++;
                continue;
            }
            ImageLabels labels = project.labels(image);
            boolean anyManual = labels.boxes().stream().anyMatch(b -> b.source() == BoxSource.MANUAL);
            if (!anyManual && labels.status() == ImageStatus.TODO) {
                skipped++;
                continue;
            }
            entries.add(entry(project, settings, labels));
        }
        return new DetectionDataset(entries, settings.classes().size(), skipped, Augmentation.none());
    }

    private static DatasetEntry entry(Project project, ProjectSettings settings, ImageLabels labels) throws DatasetException {
        float[] boxes = new float[4 * labels.boxes().size()];
        long[] classes = new long[labels.boxes().size()];
        int n = 0;
        for (Box b : labels.boxes()) {
            if (b.source() != BoxSource.MANUAL) continue;
            if (settings.classById(b.classId()).isEmpty()) {
                throw new DatasetException(project.labelsFile(labels.imagePath()), "box " + b.id() + " has class id "
                    + b.classId() + ", which the project does not define: relabel or delete the box, or add the class back");
            }
            Box c = b.clippedTo(labels.width(), labels.height());
            if (!c.hasArea()) continue;
            boxes[4 * n] = c.x1();
            boxes[4 * n + 1] = c.y1();
            boxes[4 * n + 2] = c.x2();
            boxes[4 * n + 3] = c.y2();
            classes[n++] = settings.contiguousLabel(b.classId());
        }
        return new DatasetEntry(labels.imagePath(), project.imageFile(labels.imagePath()), labels.width(), labels.height(),
            Arrays.copyOf(boxes, 4 * n), Arrays.copyOf(classes, n));
    }

    /** The same images with {@code next} applied on every load. */
    public DetectionDataset withAugmentation(Augmentation next) {
        return new DetectionDataset(entries, numClasses, skippedUnlabelled, next);
    }

    public Augmentation augmentation() {
        return augmentation;
    }

    @Override
    public int size() {
        return entries.size();
    }

    public DatasetEntry entry(int index) {
        return entries.get(index);
    }

    public List<DatasetEntry> entries() {
        return entries;
    }

    /** K: the detector has K + 1 outputs, background included. */
    public int numClasses() {
        return numClasses;
    }

    /** Images of the split left out because nobody has labelled them yet. */
    public int skippedUnlabelled() {
        return skippedUnlabelled;
    }

    @Override
    public String imagePath(int index) {
        return entries.get(index).imagePath();
    }

    /** Decodes item {@code index} without augmentation. */
    public DetectionSample load(int index) throws IOException {
        return load(index, null);
    }

    @Override
    public DetectionSample load(int index, SplittableRandom random) throws IOException {
        DatasetEntry e = entries.get(index);
        DecodedImage image = ImageDecoder.decode(e.file());
        if (image.width() != e.width() || image.height() != e.height()) {
            throw new DatasetException(e.file(), "the labels were drawn on a " + e.width() + "x" + e.height()
                + " image but the file decodes as " + image.width() + "x" + image.height()
                + " (was the image replaced or rotated?): check its boxes and save its labels again");
        }
        DetectionSample sample = new DetectionSample(e.imagePath(), image, e.boxes().clone(), e.labels().clone());
        return random == null || augmentation.isIdentity() ? sample : augmentation.apply(sample, random);
    }
}
