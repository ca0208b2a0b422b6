package io.boxwork.annotations.formats;

import io.boxwork.annotations.image.ImageInfo;
import io.boxwork.annotations.storage.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * YOLO text labels: one {@code .txt} per image, a line {@code class cx cy w h} per box, centre and
 * size normalised by the image's width and height. Labels sit where Ultralytics looks for them
 * ({@code images/a.jpg} -> {@code labels/a.txt}, also per split as in {@code train/images},
 * {@code train/labels}) or beside the image; class names come from {@code data.yaml} or
 * {@code classes.txt}. An image without a label file has no boxes; a label file without an image
 * is reported.
 */
public final class YoloFormat implements AnnotationFormat {
    public static final String IMAGES_DIR = "images";
    public static final String LABELS_DIR = "labels";
    private static final List<String> YAML_NAMES = List.of("data.yaml", "data.yml", "dataset.yaml", "dataset.yml");

    @Override
    public String name() {
        return "yolo";
    }

    @Override
    public Path imagesRoot(Path dest) {
        return dest.resolve(IMAGES_DIR);
    }

    @Override
    public Dataset read(Path source, ImportReport.Builder report) throws IOException {
        if (!Files.isDirectory(source)) throw new NoSuchFileException(source.toString(), null, "no YOLO dataset folder here");
        List<String> classNames = classNames(source);
        Path imagesRoot = Files.isDirectory(source.resolve(IMAGES_DIR)) ? source.resolve(IMAGES_DIR) : source;

        Set<Path> usedLabels = new HashSet<>();
        List<DatasetImage> images = new ArrayList<>();
        for (Path imageFile : DatasetFiles.imagesUnder(imagesRoot)) {
            String path = DatasetFiles.relative(imagesRoot, imageFile);
            Optional<ImageInfo> header = DatasetFiles.header(imageFile, report);
            if (header.isEmpty()) continue;
            ImageInfo info = header.get();
            Optional<Path> labels = labelFile(source, imageFile);
            List<DatasetBox> boxes = new ArrayList<>();
            if (labels.isPresent()) {
                usedLabels.add(labels.get().toAbsolutePath().normalize());
                boxes = readLabels(labels.get(), classNames, info.width(), info.height(), report);
            }
            images.add(new DatasetImage(path, imageFile, info.width(), info.height(), boxes));
        }
        for (Path txt : labelFiles(source)) {
            if (!usedLabels.contains(txt.toAbsolutePath().normalize())) {
                report.skipped(txt, 0, -1, "label file without an image of the same name");
            }
        }
        return new Dataset(classNames, images);
    }

    private static List<String> classNames(Path source) throws IOException {
        for (String name : YAML_NAMES) {
            Path yaml = source.resolve(name);
            if (Files.isRegularFile(yaml)) return YoloClassNames.fromDataYaml(yaml);
        }
        for (Path txt : List.of(source.resolve("classes.txt"), source.resolve(LABELS_DIR).resolve("classes.txt"))) {
            if (Files.isRegularFile(txt)) return YoloClassNames.fromClassesTxt(txt);
        }
        throw new NoSuchFileException(source.resolve("data.yaml").toString(), null,
            "a YOLO dataset needs its class names in data.yaml or classes.txt");
    }

    /**
     * As Ultralytics finds them: the image's path with its last {@code images} folder replaced by
     * {@code labels} ({@code images/a/b.jpg} -> {@code labels/a/b.txt}, {@code train/images/b.jpg} ->
     * {@code train/labels/b.txt}), else a {@code .txt} beside the image.
     */
    private static Optional<Path> labelFile(Path source, Path imageFile) {
        String[] segments = DatasetFiles.relative(source, imageFile).split("/");
        for (int i = segments.length - 2; i >= 0; i--) {
            if (segments[i].equals(IMAGES_DIR)) {
                segments[i] = LABELS_DIR;
                Path mirrored = source.resolve(DatasetFiles.stem(String.join("/", segments)) + ".txt");
                if (Files.isRegularFile(mirrored)) return Optional.of(mirrored);
                break;
            }
        }
        Path beside = imageFile.resolveSibling(DatasetFiles.stem(imageFile.getFileName().toString()) + ".txt");
        return Files.isRegularFile(beside) ? Optional.of(beside) : Optional.empty();
    }

    /** Every label-like file: {@code .txt} files below the top level (where READMEs and classes.txt live). */
    private static List<Path> labelFiles(Path source) throws IOException {
        return DatasetFiles.filesUnder(source, p -> DatasetFiles.hasExtension(p, "txt")
            && !p.getFileName().toString().equalsIgnoreCase("classes.txt") && !p.getParent().equals(source));
    }

    private static List<DatasetBox> readLabels(Path txt, List<String> classNames, int width, int height,
                                               ImportReport.Builder report) throws IOException {
        List<DatasetBox> boxes = new ArrayList<>();
        List<String> lines = Files.readAllLines(txt, StandardCharsets.UTF_8);
        int index = 0;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) continue;
            int boxIndex = index++;
            String[] t = line.split("\\s+");
            int lineNo = n + 1;
            double[] v = new double[t.length - 1];
            int cls;
            try {
                // Some exporters write the class as "3.0".
                double c = Double.parseDouble(t[0]);
                if (c != Math.rint(c) || Math.abs(c) > Integer.MAX_VALUE) throw new NumberFormatException();
                cls = (int) c;
                for (int i = 1; i < t.length; i++) {
                    v[i - 1] = Double.parseDouble(t[i]);
                    if (!Double.isFinite(v[i - 1])) throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                report.skipped(txt, lineNo, boxIndex, "malformed line, expected 'class cx cy w h': '" + line + "'");
                continue;
            }
            if (cls < 0 || cls >= classNames.size()) {
                report.skipped(txt, lineNo, boxIndex, "class " + cls + " is not among the " + classNames.size() + " classes");
                continue;
            }
            String className = classNames.get(cls);
            DatasetBox box;
            if (v.length == 4 || v.length == 5) {
                double cx = v[0] * width;
                double cy = v[1] * height;
                double w = v[2] * width;
                double h = v[3] * height;
                Float score = v.length == 5 ? (float) v[4] : null;
                box = new DatasetBox(className, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, false, false, false, score);
            } else if (v.length >= 6 && v.length % 2 == 0) {
                box = polygonBounds(className, v, width, height);
                report.changed(txt, lineNo, boxIndex, "segmentation polygon of " + v.length / 2 + " points taken as its bounding box");
            } else {
                report.skipped(txt, lineNo, boxIndex, "malformed line, expected 'class cx cy w h' (5 numbers), found "
                    + t.length + ": '" + line + "'");
                continue;
            }
            BoxFitting.fit(box, width, height, txt, lineNo, boxIndex, report).ifPresent(boxes::add);
        }
        return boxes;
    }

    private static DatasetBox polygonBounds(String className, double[] xy, int width, int height) {
        double x1 = Double.POSITIVE_INFINITY, y1 = Double.POSITIVE_INFINITY;
        double x2 = Double.NEGATIVE_INFINITY, y2 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xy.length; i += 2) {
            x1 = Math.min(x1, xy[i] * width);
            x2 = Math.max(x2, xy[i] * width);
            y1 = Math.min(y1, xy[i + 1] * height);
            y2 = Math.max(y2, xy[i + 1] * height);
        }
        return DatasetBox.of(className, x1, y1, x2, y2);
    }

    @Override
    public void write(Dataset dataset, Path dest) throws IOException {
        AtomicFiles.writeString(dest.resolve("data.yaml"), YoloClassNames.toDataYaml(dataset.classNames()));
        AtomicFiles.writeString(dest.resolve("classes.txt"), String.join("\n", dataset.classNames()) + "\n");
        for (DatasetImage image : dataset.images()) {
            StringBuilder sb = new StringBuilder();
            for (DatasetBox box : image.boxes()) {
                double w = image.width();
                double h = image.height();
                sb.append(dataset.classIndex(box.className())).append(' ')
                    .append(fraction((box.x1() + box.x2()) / 2 / w)).append(' ')
                    .append(fraction((box.y1() + box.y2()) / 2 / h)).append(' ')
                    .append(fraction(box.width() / w)).append(' ')
                    .append(fraction(box.height() / h));
                if (box.score() != null) sb.append(' ').append(fraction(box.score()));
                sb.append('\n');
            }
            // Every image gets a file, empty for an image without boxes: YOLO tools read that as "checked, nothing here".
            AtomicFiles.writeString(dest.resolve(LABELS_DIR).resolve(image.stem() + ".txt"), sb.toString());
        }
    }

    /** Nine decimals: well below a float pixel's precision on any image a detector trains on. */
    private static String fraction(double v) {
        String s = String.format(Locale.ROOT, "%.9f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
