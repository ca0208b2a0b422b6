package io.boxwork.annotations.formats;

import io.boxwork.annotations.image.ImageInfo;
import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.BoxFlags;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.model.LabelClass;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.storage.MalformedFileException;
import io.boxwork.annotations.storage.Project;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Brings a dataset in some format into a project: images copied or linked into the project's image
 * folder under their relative paths, classes merged by name, one labels file per image. Nothing the
 * project already holds is overwritten unless asked: an image file of the same path that differs is
 * left alone (and its labels not imported), and existing labels are kept unless the options say to
 * merge or replace them.
 */
public final class ProjectImporter {

    /** What to do with an image that already has labels in the project. */
    public enum ExistingLabels {
        /** Leave them as they are and ignore the imported boxes. */
        KEEP,
        /** Add the imported boxes that are not there yet. */
        MERGE,
        /** Put the imported boxes in their place. */
        REPLACE
    }

    public record Options(ImageTransfer transfer, ExistingLabels existing) {
        public Options {
            Objects.requireNonNull(transfer, "transfer");
            Objects.requireNonNull(existing, "existing");
        }

        public static Options defaults() {
            return new Options(ImageTransfer.COPY, ExistingLabels.KEEP);
        }
    }

    private ProjectImporter() {
    }

    public static ImportReport importInto(Project project, AnnotationFormat format, Path source, Options options)
            throws IOException {
        return importInto(project, format, source, options, ProgressListener.NONE);
    }

    /**
     * @throws InterruptedIOException when the thread is interrupted (a cancelled UI task); the images
     *         imported so far stay, each one whole
     */
    public static ImportReport importInto(Project project, AnnotationFormat format, Path source, Options options,
                                          ProgressListener progress) throws IOException {
        ImportReport.Builder report = new ImportReport.Builder(format.name(), source);
        Dataset dataset = format.read(source, report);

        ProjectSettings settings = project.settings();
        for (String name : dataset.classNames()) {
            if (settings.classByName(name).isEmpty()) {
                settings = settings.withClassNamed(name);
                report.note(null, 0, -1, "new class '" + name + "'");
            }
        }
        if (!settings.equals(project.settings())) project.saveSettings(settings);

        Path imagesDir = project.imagesDir().toAbsolutePath().normalize();
        int images = 0;
        int boxes = 0;
        int negatives = 0;
        int flagged = 0;
        int done = 0;
        for (DatasetImage image : dataset.images()) {
            progress.progress(done, dataset.images().size());
            if (Thread.interrupted()) {
                project.rescanImages();
                throw new InterruptedIOException("import stopped after " + done + " of " + dataset.images().size() + " images");
            }
            done++;
            Path target = imagesDir.resolve(image.path()).normalize();
            if (!target.startsWith(imagesDir)) {
                report.skipped(image.file(), 0, -1, "image path '" + image.path() + "' leads outside the project's image folder");
                continue;
            }
            if (!ImageInfo.isImageFile(target)) {
                report.skipped(image.file(), 0, -1, "'" + image.path() + "' is not a JPEG, PNG or BMP file, which a project holds");
                continue;
            }
            if (!placeImage(image, target, options.transfer(), report)) continue;
            noteSizeMismatch(image, target, report);

            List<Box> imported = new ArrayList<>();
            long nextId = 1;
            for (DatasetBox b : image.boxes()) {
                int classId = settings.classByName(b.className()).orElseThrow().id();
                if (b.crowd()) flagged++;
                float x1 = (float) b.x1(), y1 = (float) b.y1(), x2 = (float) b.x2(), y2 = (float) b.y2();
                Box box = b.score() == null ? Box.manual(nextId++, classId, x1, y1, x2, y2)
                    : Box.predicted(nextId++, classId, x1, y1, x2, y2, b.score());
                imported.add(box.withFlags(BoxFlags.of(b.difficult(), b.truncated())));
            }
            ImageLabels labels = new ImageLabels(image.path(), image.width(), image.height(), ImageStatus.DONE, imported);
            if (project.hasLabels(image.path())) {
                ImageLabels existing;
                try {
                    existing = project.labels(image.path());
                } catch (MalformedFileException e) {
                    report.skipped(e.file(), e.line(), -1, "existing labels are malformed and were left untouched: " + e.problem());
                    continue;
                }
                labels = switch (options.existing()) {
                    case KEEP -> {
                        if (!imported.isEmpty()) {
                            report.skipped(project.labelsFile(image.path()), 0, -1, "image '" + image.path()
                                + "' already has labels; kept them and left out " + imported.size() + " imported box(es)");
                        }
                        yield null;
                    }
                    case MERGE -> merge(existing, imported);
                    case REPLACE -> existing.withBoxes(imported);
                };
                if (labels == null) continue;
            }
            project.saveLabels(labels);
            images++;
            boxes += labels.boxes().size();
            if (labels.boxes().isEmpty()) negatives++;
        }
        if (flagged > 0) {
            report.note(null, 0, -1, flagged + " box(es) marked crowd were imported as ordinary boxes "
                + "(a project keeps VOC's difficult and truncated marks, but has no crowd mark)");
        }
        progress.progress(done, dataset.images().size());
        project.rescanImages();
        return report.build(images, boxes, dataset.classNames().size(), negatives);
    }

    /** Places the image file; false when it cannot be, with the reason in the report. */
    private static boolean placeImage(DatasetImage image, Path target, ImageTransfer transfer, ImportReport.Builder report)
            throws IOException {
        boolean present = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (image.file() == null || !Files.isRegularFile(image.file())) {
            if (Files.isRegularFile(target)) return true;
            report.skipped(null, 0, -1, "image '" + image.path() + "' was not found, neither beside its annotations "
                + "nor in the project");
            return false;
        }
        if (!present) {
            transfer.transfer(image.file(), target);
            return true;
        }
        if (Files.isSameFile(image.file(), target) || Files.mismatch(image.file(), target) == -1) return true;
        report.skipped(image.file(), 0, -1, "the project already has a different image at '" + image.path()
            + "'; left it and its labels as they are");
        return false;
    }

    /** The format's size wins (its boxes were drawn on it), but a header that disagrees is worth a look. */
    private static void noteSizeMismatch(DatasetImage image, Path target, ImportReport.Builder report) {
        ImageInfo info;
        try {
            info = ImageInfo.read(target);
        } catch (IOException e) {
            report.note(target, 0, -1, "the image header is unreadable, so its size could not be checked: " + e.getMessage());
            return;
        }
        if (info.width() != image.width() || info.height() != image.height()) {
            report.note(image.file(), 0, -1, "the annotations give '" + image.path() + "' a size of " + image.width() + "x"
                + image.height() + " but the image file is " + info.width() + "x" + info.height()
                + (info.exifOrientation() > 1 ? " upright (EXIF orientation " + info.exifOrientation() + ")" : ""));
        }
    }

    private static ImageLabels merge(ImageLabels existing, List<Box> imported) {
        List<Box> merged = new ArrayList<>(existing.boxes());
        long nextId = existing.nextBoxId();
        for (Box b : imported) {
            boolean already = existing.boxes().stream().anyMatch(e -> e.classId() == b.classId() && e.x1() == b.x1()
                && e.y1() == b.y1() && e.x2() == b.x2() && e.y2() == b.y2());
            if (!already) merged.add(b.withId(nextId++));
        }
        return existing.withBoxes(merged);
    }

    /** The project's classes as an import of {@code dataset} would leave them, for a dialog to show beforehand. */
    public static List<LabelClass> mergedClasses(ProjectSettings settings, Dataset dataset) {
        ProjectSettings merged = settings;
        for (String name : dataset.classNames()) merged = merged.withClassNamed(name);
        return merged.classes();
    }
}
