package io.boxwork.annotations.formats;

import io.boxwork.annotations.image.ImageInfo;
import io.boxwork.annotations.storage.NaturalOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Finding image and annotation files on disk the way the formats lay them out. */
final class DatasetFiles {
    /** Extensions tried, in this order, for an image known only by its base name. */
    static final List<String> IMAGE_EXTENSIONS = List.of("jpg", "jpeg", "png", "bmp", "JPG", "JPEG", "PNG", "BMP");

    private DatasetFiles() {
    }

    /** Every image file under {@code root}, following symbolic links (image folders are often links), in natural order. */
    static List<Path> imagesUnder(Path root) throws IOException {
        return filesUnder(root, ImageInfo::isImageFile);
    }

    static List<Path> filesUnder(Path root, Predicate<Path> wanted) throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                .filter(wanted).forEach(found::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        found.sort(Comparator.comparing(p -> relative(root, p), NaturalOrder.INSTANCE));
        return found;
    }

    static boolean hasExtension(Path p, String ext) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + ext);
    }

    /** The image's upright size, or empty (reported as skipped) when its header cannot be read. */
    static Optional<ImageInfo> header(Path image, ImportReport.Builder report) {
        try {
            return Optional.of(ImageInfo.read(image));
        } catch (IOException e) {
            report.skipped(image, 0, -1, "image left out, its header is unreadable: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code file} relative to {@code root}, '/'-separated. */
    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** {@code a/b.jpg} -> {@code a/b}. */
    static String stem(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 ? path.substring(0, dot) : path;
    }

    /** The image in {@code dir} named {@code stem} with any known image extension. */
    static Optional<Path> imageWithStem(Path dir, String stem) {
        for (String ext : IMAGE_EXTENSIONS) {
            Path p = dir.resolve(stem + "." + ext);
            if (Files.isRegularFile(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** A path written by some other tool, reduced to a relative, '/'-separated path. */
    static String cleanRelative(String written) {
        String p = written.trim().replace('\\', '/');
        while (p.startsWith("./")) p = p.substring(2);
        if (p.startsWith("/") || p.matches("^[A-Za-z]:/.*") || p.equals("..") || p.startsWith("../") || p.contains("/../")) {
            int slash = p.lastIndexOf('/');
            return p.substring(slash + 1);
        }
        return p;
    }
}
