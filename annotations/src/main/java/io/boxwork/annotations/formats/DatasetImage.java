package io.boxwork.annotations.formats;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One image of a {@link Dataset}.
 *
 * @param path  where the image sits relative to the dataset's image root, '/'-separated; an import
 *              keeps this relative path inside the project's image folder
 * @param file  the image file as found on disk, or {@code null} when the annotations name an image
 *              that is not there
 */
public record DatasetImage(String path, Path file, int width, int height, List<DatasetBox> boxes) {

    public DatasetImage {
        Objects.requireNonNull(path, "path");
        if (path.isBlank() || path.startsWith("/") || path.contains("\\") || path.equals("..")
            || path.startsWith("../") || path.contains("/../")) {
            throw new IllegalArgumentException("image path must be relative, '/'-separated and stay inside the dataset, was '"
                + path + "'");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(path + ": image size must be positive, was " + width + "x" + height);
        }
        boxes = List.copyOf(boxes);
    }

    public DatasetImage withBoxes(List<DatasetBox> newBoxes) {
        return new DatasetImage(path, file, width, height, newBoxes);
    }

    public DatasetImage withFile(Path newFile) {
        return new DatasetImage(path, newFile, width, height, boxes);
    }

    /** The path without its extension: annotation files named after the image use it. */
    public String stem() {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 ? path.substring(0, dot) : path;
    }
}
