package io.boxwork.engine.data;

import io.boxwork.annotations.image.ImageInfo;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.boxwork.engine.data.PreflightIssue.Severity.ERROR;
import static io.boxwork.engine.data.PreflightIssue.Severity.WARNING;

/**
 * Checks a project before a training run is launched, so that a problem is reported in seconds
 * with its fix instead of as a crash (or a useless model) an hour later: empty splits, classes
 * without training boxes, boxes with no area or outside their image, labels for a different
 * image size, unknown classes, unreadable labels files and images that do not decode.
 */
public final class TrainingPreflight {
    private TrainingPreflight() {
    }

    /** How far image files are checked. */
    public enum ImageCheck {
        /** Decode every train and val image: finds truncated or damaged pixel data too. */
        DECODE,
        /** Read only each image's header (size, EXIF orientation): fast enough to run on every Train-form visit. */
        HEADER
    }

    /** Runs every check, decoding each train and val image once. */
    public static PreflightReport check(Project project) {
        return check(project, ImageCheck.DECODE);
    }

    public static PreflightReport check(Project project, ImageCheck imageCheck) {
        List<PreflightIssue> issues = new ArrayList<>();
        ProjectSettings settings = project.settings();
        if (settings.classes().isEmpty()) {
            issues.add(new PreflightIssue(ERROR, "the project has no classes",
                "add at least one class in the layers panel and label some boxes with it"));
        }
        Map<Integer, Integer> trainBoxes = new HashMap<>();
        int labelledTrain = 0;
        int labelledVal = 0;
        for (Split split : List.of(Split.TRAIN, Split.VAL)) {
            int unlabelled = 0;
            for (String image : project.images(split)) {
                if (!project.hasLabels(image)) {
                    unlabelled++;
                    continue;
                }
                ImageLabels labels = readLabels(project, image, issues);
                if (labels == null) continue;
                if (!takesPart(labels)) {
                    unlabelled++;
                    continue;
                }
                if (split == Split.TRAIN) labelledTrain++; else labelledVal++;
                checkBoxes(project, settings, labels, split, trainBoxes, issues);
                checkImage(project, labels, imageCheck, issues);
            }
            if (unlabelled > 0) {
                issues.add(new PreflightIssue(WARNING, unlabelled + " of " + project.images(split).size() + " "
                    + split.jsonName() + " images are not labelled yet and are left out",
                    "label them, or mark the ones without objects done so they count as negatives"));
            }
        }
        if (labelledTrain == 0) {
            issues.add(new PreflightIssue(ERROR, "the train split has no labelled images ("
                + project.images(Split.TRAIN).size() + " images, none labelled)",
                "label some images (mark an empty one done to use it as a negative), or move labelled images into train"));
        }
        if (labelledVal == 0) {
            issues.add(new PreflightIssue(WARNING, "the val split has no labelled images, so training cannot be evaluated ("
                + project.images(Split.VAL).size() + " images in val)",
                "set a val share (e.g. 0.2) in the split settings, or move some labelled images into val"));
        }
        if (labelledTrain > 0) {
            for (LabelClass c : settings.classes()) {
                if (trainBoxes.getOrDefault(c.id(), 0) == 0) {
                    issues.add(new PreflightIssue(WARNING, "class '" + c.name() + "' has no boxes in the train split",
                        "label some, delete the class, or move images that show it into train"));
                }
            }
        }
        return new PreflightReport(issues);
    }

    /** Same rule as {@link DetectionDataset}: untouched images are not negatives. */
    private static boolean takesPart(ImageLabels labels) {
        return labels.status() != ImageStatus.TODO || labels.boxes().stream().anyMatch(b -> b.source() == BoxSource.MANUAL);
    }

    private static ImageLabels readLabels(Project project, String image, List<PreflightIssue> issues) {
        try {
            return project.labels(image);
        } catch (MalformedFileException e) {
            issues.add(new PreflightIssue(ERROR, e.getMessage(), "fix the file at the position given, or delete it to relabel the image"));
        } catch (IOException e) {
            issues.add(new PreflightIssue(ERROR, project.labelsFile(image) + ": cannot be read (" + e.getMessage() + ")",
                "check the file's permissions, or delete it to relabel the image"));
        }
        return null;
    }

    private static void checkBoxes(Project project, ProjectSettings settings, ImageLabels labels, Split split,
                                   Map<Integer, Integer> trainBoxes, List<PreflightIssue> issues) {
        String where = "image '" + labels.imagePath() + "' (" + split.jsonName() + ")";
        int w = labels.width();
        int h = labels.height();
        for (Box b : labels.boxes()) {
            if (b.source() != BoxSource.MANUAL) continue;
            String box = where + " box " + b.id() + " [" + b.x1() + ", " + b.y1() + ", " + b.x2() + ", " + b.y2() + "]";
            if (settings.classById(b.classId()).isEmpty()) {
                issues.add(new PreflightIssue(ERROR, box + " has class id " + b.classId() + ", which the project does not define",
                    "give the box an existing class, delete it, or add the class back"));
                continue;
            }
            if (!b.hasArea()) {
                issues.add(new PreflightIssue(WARNING, box + " has no area (" + b.width() + " x " + b.height() + " pixels) and will be skipped",
                    "delete the box or drag its corners apart"));
                continue;
            }
            Box clipped = b.clippedTo(w, h);
            if (!clipped.hasArea()) {
                issues.add(new PreflightIssue(WARNING, box + " lies outside the " + w + "x" + h + " image and will be skipped",
                    "delete the box or move it onto the image"));
                continue;
            }
            if (!b.insideImage(w, h)) {
                issues.add(new PreflightIssue(WARNING, box + " reaches outside the " + w + "x" + h + " image and will be clipped",
                    "drag the box's edges inside the image"));
            }
            if (split == Split.TRAIN) trainBoxes.merge(b.classId(), 1, Integer::sum);
        }
    }

    private static void checkImage(Project project, ImageLabels labels, ImageCheck mode, List<PreflightIssue> issues) {
        Path file = project.imageFile(labels.imagePath());
        int width;
        int height;
        try {
            if (mode == ImageCheck.DECODE) {
                PackedRgb decoded = ImageDecoder.decodePacked(file);
                width = decoded.width();
                height = decoded.height();
            } else {
                ImageInfo info = ImageInfo.read(file);
                width = info.width();
                height = info.height();
            }
        } catch (IOException e) {
            issues.add(new PreflightIssue(ERROR, e.getMessage(),
                "re-export or replace the file with a JPEG, PNG or BMP that opens, or delete it from the images folder"));
            return;
        }
        if (width != labels.width() || height != labels.height()) {
            issues.add(new PreflightIssue(ERROR, "image '" + labels.imagePath() + "' is " + width + "x" + height + " (upright)"
                + " but its labels were drawn on a " + labels.width() + "x" + labels.height() + " image",
                "open the image, check its boxes still fit, and save its labels again (or restore the original image)"));
        }
    }
}
