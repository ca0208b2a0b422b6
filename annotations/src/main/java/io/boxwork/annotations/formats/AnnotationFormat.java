package io.boxwork.annotations.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One annotation file format: a reader and a writer of a neutral {@link Dataset}. Readers never
 * modify what they read; anything they leave out or change goes into the report.
 */
public sealed interface AnnotationFormat permits CocoFormat, VocFormat, YoloFormat, TutorialJsonFormat {

    /** The short name the CLI and the import dialog use: {@code coco}, {@code voc}, {@code yolo}, {@code tutorial}. */
    String name();

    /**
     * Reads a dataset.
     *
     * @throws io.boxwork.annotations.storage.MalformedFileException when a file the dataset cannot do
     *         without (a COCO JSON, a {@code data.yaml}) is malformed; a malformed per-image file is
     *         reported and skipped instead
     */
    Dataset read(Path source, ImportReport.Builder report) throws IOException;

    /** Writes the annotations under {@code dest}; image files are the exporter's job, see {@link #imagesRoot}. */
    void write(Dataset dataset, Path dest) throws IOException;

    /** The folder under {@code dest} that holds the images, by their dataset paths, so the written annotations find them. */
    Path imagesRoot(Path dest);

    static List<AnnotationFormat> all() {
        return List.of(new CocoFormat(), new VocFormat(), new YoloFormat(), new TutorialJsonFormat());
    }

    /** The format {@code source} seems to hold (YOLO's data.yaml, a COCO JSON, VOC XMLs, per-image JSONs), if any. */
    static Optional<AnnotationFormat> detect(Path source) throws IOException {
        return FormatDetection.detect(source);
    }

    static AnnotationFormat named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (AnnotationFormat f : all()) if (f.name().equals(wanted)) return f;
        throw new IllegalArgumentException("unknown annotation format '" + name + "'; known: "
            + all().stream().map(AnnotationFormat::name).toList());
    }
}
