package io.boxwork.annotations.formats;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.boxwork.annotations.image.ImageInfo;
import io.boxwork.annotations.storage.AtomicFiles;
import io.boxwork.annotations.storage.JsonFiles;
import io.boxwork.annotations.storage.JsonSource;
import io.boxwork.annotations.storage.MalformedFileException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * COCO object detection JSON: {@code images}, {@code annotations} with {@code bbox = [x, y, w, h]}
 * in pixels, {@code categories}. Written as {@code annotations.json} beside an {@code images/}
 * folder. Ids are compared as decimal text, so 64-bit ids (and ids larger still) survive.
 */
public final class CocoFormat implements AnnotationFormat {
    public static final String ANNOTATIONS_FILE = "annotations.json";
    public static final String IMAGES_DIR = "images";

    @Override
    public String name() {
        return "coco";
    }

    @Override
    public Path imagesRoot(Path dest) {
        return dest.resolve(IMAGES_DIR);
    }

    /** The JSON to read: {@code source} itself, or {@code annotations.json} (or the one JSON file) in it. */
    static Path annotationsFile(Path source) throws IOException {
        if (Files.isRegularFile(source)) return source;
        if (!Files.isDirectory(source)) throw new NoSuchFileException(source.toString(), null, "no COCO JSON file or folder here");
        Path standard = source.resolve(ANNOTATIONS_FILE);
        if (Files.isRegularFile(standard)) return standard;
        List<Path> jsons;
        try (Stream<Path> list = Files.list(source)) {
            jsons = list.filter(p -> DatasetFiles.hasExtension(p, "json") && Files.isRegularFile(p)).sorted().toList();
        }
        if (jsons.size() == 1) return jsons.get(0);
        throw new NoSuchFileException(source.toString(), null, jsons.isEmpty()
            ? "no COCO JSON file in this folder" : "several JSON files here, name the one to import: " + jsons);
    }

    @Override
    public Dataset read(Path source, ImportReport.Builder report) throws IOException {
        Path file = annotationsFile(source);
        JsonSource src = JsonSource.read(file);
        JsonObject root = src.rootObject();
        JsonArray jcategories = src.array(root, "categories", "$");
        JsonArray jimages = src.array(root, "images", "$");
        JsonArray jannotations = src.optionalArray(root, "annotations", "$");

        Map<String, String> categoryNames = new LinkedHashMap<>();
        List<String> classNames = new ArrayList<>();
        for (int i = 0; i < jcategories.size(); i++) {
            String p = "$.categories[" + i + "]";
            JsonObject c = src.object(jcategories.get(i), p);
            String id = idKey(src, c, "id", p);
            String name = src.string(c, "name", p).trim();
            if (name.isEmpty()) throw src.error(p + ".name", "category name is empty");
            if (categoryNames.containsKey(id)) throw src.error(p + ".id", "category id " + id + " appears twice");
            if (classNames.contains(name)) {
                report.note(file, 0, i, "category " + id + " repeats the name '" + name + "'; its boxes join that class");
            } else {
                classNames.add(name);
            }
            categoryNames.put(id, name);
        }

        Path dir = file.toAbsolutePath().getParent();
        List<Path> imageRoots = imageRoots(dir, file);
        Map<String, Integer> imageIndex = new LinkedHashMap<>();
        List<ImageEntry> entries = new ArrayList<>();
        for (int i = 0; i < jimages.size(); i++) {
            String p = "$.images[" + i + "]";
            JsonObject ji = src.object(jimages.get(i), p);
            String id = idKey(src, ji, "id", p);
            if (imageIndex.containsKey(id)) throw src.error(p + ".id", "image id " + id + " appears twice");
            String path = DatasetFiles.cleanRelative(src.string(ji, "file_name", p));
            if (path.isEmpty()) throw src.error(p + ".file_name", "file name is empty");
            Path imageFile = locate(imageRoots, path).orElse(null);
            int width = (int) src.optionalInteger(ji, "width", p, 0);
            int height = (int) src.optionalInteger(ji, "height", p, 0);
            if (width <= 0 || height <= 0) {
                if (imageFile == null) {
                    report.skipped(file, 0, i, "image '" + path + "' has no width/height and its file was not found under "
                        + imageRoots);
                    continue;
                }
                ImageInfo info = ImageInfo.read(imageFile);
                width = info.width();
                height = info.height();
            }
            imageIndex.put(id, entries.size());
            entries.add(new ImageEntry(path, imageFile, width, height, new ArrayList<>()));
        }

        for (int i = 0; i < jannotations.size(); i++) {
            String p = "$.annotations[" + i + "]";
            try {
                readAnnotation(src, p, i, jannotations.get(i), categoryNames, imageIndex, entries, report);
            } catch (MalformedFileException e) {
                report.skipped(file, e.line(), i, e.problem() + " (" + e.location() + ")");
            }
        }

        List<DatasetImage> images = new ArrayList<>();
        for (ImageEntry e : entries) images.add(new DatasetImage(e.path, e.file, e.width, e.height, e.boxes));
        return new Dataset(classNames, images);
    }

    private static void readAnnotation(JsonSource src, String p, int index, JsonElement element,
                                       Map<String, String> categoryNames, Map<String, Integer> imageIndex,
                                       List<ImageEntry> entries, ImportReport.Builder report) throws MalformedFileException {
        JsonObject a = src.object(element, p);
        Path file = src.file();
        String annotationId = a.has("id") ? idKey(src, a, "id", p) : "(none)";
        String imageId = idKey(src, a, "image_id", p);
        Integer entry = imageIndex.get(imageId);
        if (entry == null) {
            report.skipped(file, 0, index, "annotation " + annotationId + " refers to image " + imageId + ", which is not listed");
            return;
        }
        String categoryId = idKey(src, a, "category_id", p);
        String className = categoryNames.get(categoryId);
        if (className == null) {
            report.skipped(file, 0, index, "annotation " + annotationId + " refers to category " + categoryId + ", which is not listed");
            return;
        }
        if (src.optionalBoolean(a, "iscrowd", p, false)) {
            report.skipped(file, 0, index, "annotation " + annotationId + " is a crowd region (iscrowd=1), not one object");
            return;
        }
        JsonArray bbox = src.array(a, "bbox", p);
        if (bbox.size() != 4) throw src.error(p + ".bbox", "expected [x, y, width, height], found " + bbox.size() + " numbers");
        double x = src.number(bbox.get(0), p + ".bbox[0]");
        double y = src.number(bbox.get(1), p + ".bbox[1]");
        double w = src.number(bbox.get(2), p + ".bbox[2]");
        double h = src.number(bbox.get(3), p + ".bbox[3]");
        Float score = a.has("score") && !a.get("score").isJsonNull() ? (float) src.number(a, "score", p) : null;
        ImageEntry image = entries.get(entry);
        DatasetBox box = new DatasetBox(className, x, y, x + w, y + h, false, false, false, score);
        BoxFitting.fit(box, image.width, image.height, file, 0, index, report).ifPresent(image.boxes::add);
    }

    /** An id as canonical decimal text (or the text itself when a tool wrote ids as strings). */
    private static String idKey(JsonSource src, JsonObject o, String name, String path) throws MalformedFileException {
        JsonElement e = o.get(name);
        if (e != null && e.isJsonPrimitive()) {
            JsonPrimitive prim = e.getAsJsonPrimitive();
            if (prim.isString() && !prim.getAsString().isBlank()) return prim.getAsString();
            if (prim.isNumber()) {
                BigDecimal value = prim.getAsBigDecimal();
                if (value.signum() == 0) return "0";
                return value.stripTrailingZeros().toPlainString();
            }
        }
        throw src.error(path + "." + name, "expected an id (a number)");
    }

    /**
     * Where COCO's {@code file_name}s may be relative to: an {@code images/} folder beside the JSON, the
     * JSON's own folder, and the official layout's {@code annotations/instances_val2017.json} with
     * {@code val2017/} beside {@code annotations/}.
     */
    private static List<Path> imageRoots(Path dir, Path file) {
        List<Path> roots = new ArrayList<>();
        roots.add(dir.resolve(IMAGES_DIR));
        roots.add(dir);
        Path parent = dir.getParent();
        if (parent != null) {
            String stem = DatasetFiles.stem(file.getFileName().toString());
            int underscore = stem.lastIndexOf('_');
            if (underscore >= 0) roots.add(parent.resolve(stem.substring(underscore + 1)));
            roots.add(parent.resolve(IMAGES_DIR));
            roots.add(parent);
        }
        return roots;
    }

    private static Optional<Path> locate(List<Path> roots, String path) {
        for (Path root : roots) {
            Path candidate = root.resolve(path);
            if (Files.isRegularFile(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    @Override
    public void write(Dataset dataset, Path dest) throws IOException {
        JsonObject root = new JsonObject();
        JsonObject info = new JsonObject();
        info.addProperty("description", "exported by Boxwork");
        root.add("info", info);
        JsonArray images = new JsonArray();
        JsonArray annotations = new JsonArray();
        long annotationId = 1;
        for (int i = 0; i < dataset.images().size(); i++) {
            DatasetImage image = dataset.images().get(i);
            JsonObject ji = new JsonObject();
            ji.addProperty("id", i + 1);
            ji.addProperty("file_name", image.path());
            ji.addProperty("width", image.width());
            ji.addProperty("height", image.height());
            images.add(ji);
            for (DatasetBox box : image.boxes()) {
                JsonObject a = new JsonObject();
                a.addProperty("id", annotationId++);
                a.addProperty("image_id", i + 1);
                a.addProperty("category_id", dataset.classIndex(box.className()) + 1);
                JsonArray bbox = new JsonArray();
                bbox.add(JsonNumbers.coordinate(box.x1()));
                bbox.add(JsonNumbers.coordinate(box.y1()));
                bbox.add(JsonNumbers.coordinate(box.width()));
                bbox.add(JsonNumbers.coordinate(box.height()));
                a.add("bbox", bbox);
                a.add("area", JsonNumbers.coordinate(box.width() * box.height()));
                a.addProperty("iscrowd", box.crowd() ? 1 : 0);
                if (box.score() != null) a.addProperty("score", box.score());
                annotations.add(a);
            }
        }
        JsonArray categories = new JsonArray();
        for (int c = 0; c < dataset.classNames().size(); c++) {
            JsonObject jc = new JsonObject();
            jc.addProperty("id", c + 1);
            jc.addProperty("name", dataset.classNames().get(c));
            jc.addProperty("supercategory", "object");
            categories.add(jc);
        }
        root.add("images", images);
        root.add("annotations", annotations);
        root.add("categories", categories);
        // One line: COCO files reach hundreds of megabytes, and every COCO tool reads them this way.
        AtomicFiles.writeString(dest.resolve(ANNOTATIONS_FILE), JsonFiles.toCompactJson(root) + "\n");
    }

    private record ImageEntry(String path, Path file, int width, int height, List<DatasetBox> boxes) {
    }
}
