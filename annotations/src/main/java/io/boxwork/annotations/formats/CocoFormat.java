package io.boxwork.annotations.formats;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.boxwork.annotations.image.ImageInfo;
import io.boxwork.annotations.storage.AtomicFiles;
import io.boxwork.annotations.storage.JsonFiles;
import io.boxwork.annotations.storage.MalformedFileException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        Path dir = file.toAbsolutePath().getParent();
        List<Path> imageRoots = imageRoots(dir, file);
        Map<String, String> categoryNames = new LinkedHashMap<>();
        List<String> classNames = new ArrayList<>();
        Map<String, Integer> imageIndex = new LinkedHashMap<>();
        List<ImageEntry> entries = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        // COCO's own files list categories last, so annotations wait, reduced to what a box needs.
        List<RawAnnotation> annotations = new ArrayList<>();
        Set<String> seen = new HashSet<>();

        try (JsonListStream stream = new JsonListStream(file)) {
            stream.beginRoot();
            for (String member = stream.nextMember(); member != null; member = stream.nextMember()) {
                seen.add(member);
                switch (member) {
                    case "categories" -> stream.eachElement(member, item -> readCategory(item, categoryNames, classNames, report));
                    case "images" -> stream.eachElement(member, item -> {
                        ImageEntry entry = readImage(item, imageRoots, paths, imageIndex, report);
                        if (entry != null) {
                            imageIndex.put(item.id("id"), entries.size());
                            entries.add(entry);
                        }
                    });
                    case "annotations" -> stream.eachElement(member, item -> {
                        try {
                            annotations.add(readAnnotation(item));
                        } catch (MalformedFileException e) {
                            report.skipped(file, e.line(), item.index(), e.problem() + " (" + e.location() + ")");
                        }
                    });
                    default -> stream.skipValue();
                }
            }
        }
        for (String required : List.of("images", "categories")) {
            if (!seen.contains(required)) throw new MalformedFileException(file, 0, 0, "$." + required, "no '" + required + "' list");
        }

        for (RawAnnotation a : annotations) {
            Integer entry = imageIndex.get(a.imageId);
            if (entry == null) {
                report.skipped(file, a.line, a.index, "annotation " + a.id + " refers to image " + a.imageId + ", which is not listed");
                continue;
            }
            String className = categoryNames.get(a.categoryId);
            if (className == null) {
                report.skipped(file, a.line, a.index, "annotation " + a.id + " refers to category " + a.categoryId
                    + ", which is not listed");
                continue;
            }
            ImageEntry image = entries.get(entry);
            if (a.crowd) {
                report.skipped(file, a.line, a.index, "annotation " + a.id + " is a crowd region (iscrowd=1), not one object");
                image.crowdRegions[0]++;
                continue;
            }
            DatasetBox box = new DatasetBox(className, a.x, a.y, a.x + a.w, a.y + a.h, false, false, false, a.score);
            BoxFitting.fit(box, image.width, image.height, file, a.line, a.index, report).ifPresent(image.boxes::add);
        }

        List<DatasetImage> images = new ArrayList<>();
        for (ImageEntry e : entries) {
            if (e.boxes.isEmpty() && e.crowdRegions[0] > 0) {
                // Without boxes it reads as "nothing here", yet it shows a crowd: worth a look before training on it.
                report.note(file, 0, -1, "image '" + e.path + "' has only crowd regions, so it comes in without boxes");
            }
            images.add(new DatasetImage(e.path, e.file, e.width, e.height, e.boxes));
        }
        return new Dataset(classNames, images);
    }

    private static void readCategory(JsonItem item, Map<String, String> categoryNames, List<String> classNames,
                                     ImportReport.Builder report) throws MalformedFileException {
        String id = item.id("id");
        String name = item.string("name").trim();
        if (name.isEmpty()) throw item.error("name", "category name is empty");
        if (categoryNames.containsKey(id)) throw item.error("id", "category id " + id + " appears twice");
        if (classNames.contains(name)) {
            report.note(item.file(), item.line(), item.index(), "category " + id + " repeats the name '" + name
                + "'; its boxes join that class");
        } else {
            classNames.add(name);
        }
        categoryNames.put(id, name);
    }

    /** The image, or null when it is left out (reported). */
    private static ImageEntry readImage(JsonItem item, List<Path> imageRoots, Set<String> paths,
                                        Map<String, Integer> imageIndex, ImportReport.Builder report)
            throws MalformedFileException {
        Path file = item.file();
        String id = item.id("id");
        if (imageIndex.containsKey(id)) throw item.error("id", "image id " + id + " appears twice");
        String path = DatasetFiles.cleanRelative(item.string("file_name"));
        if (path.isEmpty()) throw item.error("file_name", "file name is empty");
        if (!paths.add(path)) {
            report.skipped(file, item.line(), item.index(), "image " + id + " repeats the file name '" + path
                + "'; only the first is taken");
            return null;
        }
        Path imageFile = locate(imageRoots, path).orElse(null);
        int width = (int) item.optionalInteger("width", 0);
        int height = (int) item.optionalInteger("height", 0);
        if (width <= 0 || height <= 0) {
            if (imageFile == null) {
                report.skipped(file, item.line(), item.index(), "image '" + path
                    + "' has no width/height and its file was not found under " + imageRoots);
                return null;
            }
            Optional<ImageInfo> header = DatasetFiles.header(imageFile, report);
            if (header.isEmpty()) return null;
            width = header.get().width();
            height = header.get().height();
        }
        return new ImageEntry(path, imageFile, width, height, new ArrayList<>(), new int[1]);
    }

    private static RawAnnotation readAnnotation(JsonItem item) throws MalformedFileException {
        String id = item.has("id") ? item.id("id") : "(none)";
        String imageId = item.id("image_id");
        String categoryId = item.id("category_id");
        boolean crowd = item.optionalFlag("iscrowd");
        JsonArray bbox = item.array("bbox");
        if (bbox.size() != 4) throw item.error("bbox", "expected [x, y, width, height], found " + bbox.size() + " numbers");
        double x = item.number(bbox.get(0), "bbox[0]");
        double y = item.number(bbox.get(1), "bbox[1]");
        double w = item.number(bbox.get(2), "bbox[2]");
        double h = item.number(bbox.get(3), "bbox[3]");
        Float score = item.has("score") ? (float) item.number(item.object().get("score"), "score") : null;
        return new RawAnnotation(item.index(), item.line(), id, imageId, categoryId, x, y, w, h, crowd, score);
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

    private record RawAnnotation(int index, int line, String id, String imageId, String categoryId,
                                 double x, double y, double w, double h, boolean crowd, Float score) {
    }

    private record ImageEntry(String path, Path file, int width, int height, List<DatasetBox> boxes, int[] crowdRegions) {
    }
}
