package io.boxwork.annotations.formats;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Guesses which format a file or folder holds, from the files each format is known by. */
final class FormatDetection {
    private FormatDetection() {
    }

    static Optional<AnnotationFormat> detect(Path source) throws IOException {
        if (Files.isRegularFile(source)) {
            if (DatasetFiles.hasExtension(source, "xml")) return Optional.of(new VocFormat());
            if (DatasetFiles.hasExtension(source, "json") && looksLikeCoco(source)) return Optional.of(new CocoFormat());
            return Optional.empty();
        }
        if (!Files.isDirectory(source)) return Optional.empty();
        for (String marker : List.of("data.yaml", "data.yml", "dataset.yaml", "dataset.yml", "classes.txt")) {
            if (Files.isRegularFile(source.resolve(marker))) return Optional.of(new YoloFormat());
        }
        try {
            Path coco = CocoFormat.annotationsFile(source);
            if (looksLikeCoco(coco)) return Optional.of(new CocoFormat());
        } catch (IOException noSingleJson) {
            // Not a COCO folder; the other formats are tried below.
        }
        if (anyFile(source, "xml")) return Optional.of(new VocFormat());
        if (anyFile(source, "json")) return Optional.of(new TutorialJsonFormat());
        return Optional.empty();
    }

    /** COCO files are large: their beginning is enough to see the lists only COCO has. */
    private static boolean looksLikeCoco(Path json) throws IOException {
        char[] head = new char[64 * 1024];
        int n;
        try (Reader r = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
            n = r.read(head);
        }
        String start = n <= 0 ? "" : new String(head, 0, n);
        return start.contains("\"images\"") || start.contains("\"categories\"") || start.contains("\"annotations\"");
    }

    private static boolean anyFile(Path dir, String extension) throws IOException {
        try (Stream<Path> walk = Files.walk(dir, 4, FileVisitOption.FOLLOW_LINKS)) {
            return walk.anyMatch(p -> DatasetFiles.hasExtension(p, extension) && Files.isRegularFile(p));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
