package io.boxwork.annotations.formats;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.boxwork.annotations.image.ImageInfo;
import io.boxwork.annotations.storage.AtomicFiles;
import io.boxwork.annotations.storage.JsonFiles;
import io.boxwork.annotations.storage.JsonSource;
import io.boxwork.annotations.storage.MalformedFileException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The per-image dicts the well-known Faster R-CNN fine-tuning tutorial writes:
 * {@code {"labels": ["head", ...], "boxes": [[x1, y1, x2, y2], ...]}} in pixels, one JSON file per
 * image named after it ({@code img1.json} for {@code img1.jpg}), either beside the image or in a
 * folder parallel to the image folder ({@code images/a/img1.jpg} with {@code annotations/a/img1.json}).
 * Sizes are not in the files; they come from the image headers.
 */
public final class TutorialJsonFormat implements AnnotationFormat {
    public static final String IMAGES_DIR = "images";
    public static final String ANNOTATIONS_DIR = "annotations";

    @Override
    public String name() {
        return "tutorial";
    }

    @Override
    public Path imagesRoot(Path dest) {
        return dest.resolve(IMAGES_DIR);
    }

    @Override
    public Dataset read(Path source, ImportReport.Builder report) throws IOException {
        if (!Files.isDirectory(source)) throw new NoSuchFileException(source.toString(), null, "no image folder here");
        Path imagesRoot = Files.isDirectory(source.resolve(IMAGES_DIR)) ? source.resolve(IMAGES_DIR) : source;
        List<Path> topFolders;
        try (Stream<Path> list = Files.list(source)) {
            topFolders = list.filter(Files::isDirectory).sorted().toList();
        }

        Set<Path> used = new HashSet<>();
        List<DatasetImage> images = new ArrayList<>();
        int withoutFile = 0;
        for (Path imageFile : DatasetFiles.imagesUnder(imagesRoot)) {
            String path = DatasetFiles.relative(imagesRoot, imageFile);
            Optional<ImageInfo> header = DatasetFiles.header(imageFile, report);
            if (header.isEmpty()) continue;
            ImageInfo info = header.get();
            Optional<Path> json = annotationFile(imageFile, DatasetFiles.relative(source, imageFile), topFolders);
            List<DatasetBox> boxes = List.of();
            if (json.isPresent()) {
                used.add(json.get().toAbsolutePath().normalize());
                try {
                    boxes = readBoxes(JsonSource.read(json.get()), info.width(), info.height(), report);
                } catch (MalformedFileException e) {
                    report.skipped(e.file(), e.line(), -1, "image '" + path + "' left out: " + e.problem()
                        + (e.location().isEmpty() ? "" : " (" + e.location() + ")"));
                    continue;
                }
            } else {
                withoutFile++;
            }
            images.add(new DatasetImage(path, imageFile, info.width(), info.height(), boxes));
        }
        if (withoutFile > 0) {
            report.note(null, 0, -1, withoutFile + " image(s) have no JSON file and were taken as images without boxes");
        }
        List<Path> jsonRoots = new ArrayList<>(imagesRoot.equals(source) ? List.of() : topFolders);
        if (imagesRoot.equals(source)) jsonRoots.add(source);
        for (Path root : jsonRoots) {
            for (Path json : DatasetFiles.filesUnder(root, p -> DatasetFiles.hasExtension(p, "json"))) {
                if (!used.contains(json.toAbsolutePath().normalize())) {
                    report.skipped(json, 0, -1, "annotation file without an image of the same name");
                }
            }
        }
        return new Dataset(Dataset.classesInOrderOfAppearance(images), images);
    }

    /**
     * {@code img1.json} beside {@code img1.jpg}, else in a folder parallel to the image's top folder:
     * {@code images/a/img1.jpg} -> {@code annotations/a/img1.json} (or {@code labels/a/img1.json}, ...).
     */
    private static Optional<Path> annotationFile(Path imageFile, String fromSource, List<Path> topFolders) {
        Path beside = imageFile.resolveSibling(DatasetFiles.stem(imageFile.getFileName().toString()) + ".json");
        if (Files.isRegularFile(beside)) return Optional.of(beside);
        int slash = fromSource.indexOf('/');
        if (slash < 0) return Optional.empty();
        String top = fromSource.substring(0, slash);
        String rest = DatasetFiles.stem(fromSource.substring(slash + 1));
        for (Path folder : topFolders) {
            if (folder.getFileName().toString().equals(top)) continue;
            Path parallel = folder.resolve(rest + ".json");
            if (Files.isRegularFile(parallel)) return Optional.of(parallel);
        }
        return Optional.empty();
    }

    private static List<DatasetBox> readBoxes(JsonSource src, int width, int height, ImportReport.Builder report)
            throws MalformedFileException {
        JsonObject root = src.rootObject();
        JsonArray labels = src.array(root, "labels", "$");
        JsonArray boxes = src.array(root, "boxes", "$");
        if (labels.size() != boxes.size()) {
            throw src.error("$.boxes", boxes.size() + " boxes but " + labels.size() + " labels");
        }
        List<DatasetBox> out = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            String p = "$.boxes[" + i + "]";
            JsonElement label = labels.get(i);
            if (!label.isJsonPrimitive() || label.getAsString().isBlank()) throw src.error("$.labels[" + i + "]", "expected a class name");
            JsonElement jb = boxes.get(i);
            if (!jb.isJsonArray() || jb.getAsJsonArray().size() != 4) throw src.error(p, "expected [x1, y1, x2, y2]");
            JsonArray a = jb.getAsJsonArray();
            DatasetBox box = DatasetBox.of(label.getAsString().strip(), src.number(a.get(0), p + "[0]"),
                src.number(a.get(1), p + "[1]"), src.number(a.get(2), p + "[2]"), src.number(a.get(3), p + "[3]"));
            BoxFitting.fit(box, width, height, src.file(), 0, i, report).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public void write(Dataset dataset, Path dest) throws IOException {
        for (DatasetImage image : dataset.images()) {
            JsonObject o = new JsonObject();
            JsonArray labels = new JsonArray();
            JsonArray boxes = new JsonArray();
            for (DatasetBox box : image.boxes()) {
                labels.add(box.className());
                JsonArray b = new JsonArray();
                b.add(JsonNumbers.coordinate(box.x1()));
                b.add(JsonNumbers.coordinate(box.y1()));
                b.add(JsonNumbers.coordinate(box.x2()));
                b.add(JsonNumbers.coordinate(box.y2()));
                boxes.add(b);
            }
            o.add("labels", labels);
            o.add("boxes", boxes);
            AtomicFiles.writeString(dest.resolve(ANNOTATIONS_DIR).resolve(image.stem() + ".json"), JsonFiles.toCompactJson(o) + "\n");
        }
    }
}
