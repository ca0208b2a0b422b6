package io.boxwork.annotations.formats;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.BoxSource;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.model.LabelClass;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.storage.MalformedFileException;
import io.boxwork.annotations.storage.Project;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a project (or one split of it) in some format, with its image files copied or linked
 * beside the annotations so the result is a complete dataset another tool can train on.
 */
public final class ProjectExporter {

    /**
     * @param split              only this split's images, or {@code null} for all
     * @param statuses           only images in one of these states (e.g. done and reviewed, so that
     *                           images nobody has labelled yet are not exported as empty); empty for all
     * @param includePredictions also write predicted boxes nobody has confirmed (with their scores);
     *                           by default only a person's boxes are labels
     */
    public record Options(ImageTransfer transfer, Split split, Set<ImageStatus> statuses, boolean includePredictions) {
        public Options {
            Objects.requireNonNull(transfer, "transfer");
            statuses = statuses == null || statuses.isEmpty() ? EnumSet.allOf(ImageStatus.class) : EnumSet.copyOf(statuses);
        }

        /** Every image of the split, whatever its status. */
        public Options(ImageTransfer transfer, Split split, boolean includePredictions) {
            this(transfer, split, Set.of(), includePredictions);
        }

        public static Options defaults() {
            return new Options(ImageTransfer.COPY, null, Set.of(), false);
        }

        public Options withSplit(Split only) {
            return new Options(transfer, only, statuses, includePredictions);
        }
    }

    /** What was written where. */
    public record Summary(String format, Path dest, int images, int boxes, int classes) {
    }

    private ProjectExporter() {
    }

    public static Summary export(Project project, AnnotationFormat format, Path dest, Options options) throws IOException {
        return export(project, format, dest, options, ProgressListener.NONE);
    }

    /** @throws InterruptedIOException when the thread is interrupted (a cancelled UI task); the folder is then incomplete */
    public static Summary export(Project project, AnnotationFormat format, Path dest, Options options,
                                 ProgressListener progress) throws IOException {
        requireEmpty(dest);
        Dataset dataset = toDataset(project, options);
        Path imagesRoot = format.imagesRoot(dest);
        int done = 0;
        for (DatasetImage image : dataset.images()) {
            progress.progress(done, dataset.images().size());
            if (Thread.interrupted()) {
                throw new InterruptedIOException("export stopped after " + done + " of " + dataset.images().size()
                    + " images; " + dest + " is incomplete");
            }
            done++;
            options.transfer().transfer(image.file(), imagesRoot.resolve(image.path()));
        }
        progress.progress(done, dataset.images().size());
        Files.createDirectories(dest);
        format.write(dataset, dest);
        return new Summary(format.name(), dest, dataset.images().size(), dataset.boxCount(), dataset.classNames().size());
    }

    /** The project as a neutral dataset: every class in project order, every image the options select with its labels. */
    public static Dataset toDataset(Project project, Options options) throws IOException {
        ProjectSettings settings = project.settings();
        List<String> classNames = settings.classes().stream().map(LabelClass::name).toList();
        List<String> paths = options.split() == null ? project.images() : project.images(options.split());
        List<DatasetImage> images = new ArrayList<>(paths.size());
        for (String path : paths) {
            ImageLabels labels = project.labels(path);
            if (!options.statuses().contains(labels.status())) continue;
            List<DatasetBox> boxes = new ArrayList<>();
            for (Box b : labels.boxes()) {
                if (b.source() == BoxSource.PREDICTED && !options.includePredictions()) continue;
                String className = settings.classById(b.classId()).map(LabelClass::name).orElseThrow(() ->
                    new MalformedFileException(project.labelsFile(path), 0, 0, "box " + b.id(),
                        "refers to class id " + b.classId() + ", which the project does not have"));
                boxes.add(new DatasetBox(className, b.x1(), b.y1(), b.x2(), b.y2(), b.flags().difficult(), b.flags().truncated(),
                    false, b.score()));
            }
            images.add(new DatasetImage(path, project.imageFile(path), labels.width(), labels.height(), boxes));
        }
        return new Dataset(classNames, images);
    }

    private static void requireEmpty(Path dest) throws IOException {
        if (!Files.exists(dest)) return;
        try (Stream<Path> entries = Files.list(dest)) {
            if (entries.findAny().isPresent()) {
                throw new DirectoryNotEmptyException(dest + " (export into a new or empty folder, so no stale file mixes in)");
            }
        }
    }
}
