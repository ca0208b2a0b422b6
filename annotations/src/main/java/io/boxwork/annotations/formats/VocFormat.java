package io.boxwork.annotations.formats;

import io.boxwork.annotations.image.ImageInfo;
import io.boxwork.annotations.storage.AtomicFiles;
import io.boxwork.annotations.storage.MalformedFileException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Pascal VOC XML, one file per image, written beside its image.
 *
 * <p>Coordinates: VOC's {@code xmin..xmax} are 1-based, inclusive pixel indices; a box covering
 * the whole image is {@code xmin=1, xmax=W}. Boxwork's are continuous, 0-based edges. As
 * detectron2's and the VOC devkit's converters do: reading gives {@code x1 = xmin - 1},
 * {@code x2 = xmax} (same for y); writing gives {@code xmin = round(x1) + 1}, {@code xmax = round(x2)},
 * so a box on whole pixels round-trips exactly.
 *
 * <p>The image is found next to the XML by {@code <filename>}, else by the XML's base name (or in a
 * {@code JPEGImages/} folder beside an {@code Annotations/} one); {@code <path>} is ignored because
 * it is an absolute path on whichever machine labelled the image.
 */
public final class VocFormat implements AnnotationFormat {

    @Override
    public String name() {
        return "voc";
    }

    @Override
    public Path imagesRoot(Path dest) {
        return dest;
    }

    @Override
    public Dataset read(Path source, ImportReport.Builder report) throws IOException {
        if (!Files.exists(source)) throw new NoSuchFileException(source.toString(), null, "no VOC folder here");
        Path root = Files.isDirectory(source) ? source : source.toAbsolutePath().getParent();
        List<Path> xmls = Files.isDirectory(source)
            ? DatasetFiles.filesUnder(source, p -> DatasetFiles.hasExtension(p, "xml")) : List.of(source);
        List<DatasetImage> images = new ArrayList<>();
        List<String> seenPaths = new ArrayList<>();
        for (Path xml : xmls) {
            XmlElement annotation;
            try {
                annotation = XmlElement.parse(xml);
            } catch (MalformedFileException e) {
                report.skipped(xml, e.line(), -1, "malformed XML: " + e.problem());
                continue;
            }
            if (!annotation.name().equals("annotation")) {
                report.skipped(xml, annotation.line(), -1, "not a VOC annotation (root element <" + annotation.name() + ">)");
                continue;
            }
            readOne(root, xml, annotation, report).ifPresent(image -> {
                if (seenPaths.contains(image.path())) {
                    report.skipped(xml, annotation.line(), -1, "a second annotation file for image '" + image.path() + "'");
                } else {
                    seenPaths.add(image.path());
                    images.add(image);
                }
            });
        }
        return new Dataset(Dataset.classesInOrderOfAppearance(images), images);
    }

    private Optional<DatasetImage> readOne(Path root, Path xml, XmlElement annotation, ImportReport.Builder report)
            throws IOException {
        Path dir = xml.toAbsolutePath().getParent();
        String xmlStem = DatasetFiles.stem(xml.getFileName().toString());
        Optional<String> filename = annotation.childText("filename").map(DatasetFiles::cleanRelative)
            .map(f -> f.substring(f.lastIndexOf('/') + 1));
        Path imageFile = findImage(dir, filename, xmlStem).orElse(null);
        String path = DatasetFiles.relative(root.toAbsolutePath(),
            imageFile != null ? imageFile : dir.resolve(filename.orElse(xmlStem + ".jpg")));
        // An image outside the folder being imported (JPEGImages/ beside the Annotations/ folder chosen) keeps its name.
        if (path.startsWith("../")) path = path.substring(path.lastIndexOf('/') + 1);

        int width = 0;
        int height = 0;
        Optional<XmlElement> size = annotation.child("size");
        try {
            if (size.isPresent()) {
                width = (int) Math.round(number(xml, size.get(), "width").orElse(0.0));
                height = (int) Math.round(number(xml, size.get(), "height").orElse(0.0));
                Optional<Double> depth = number(xml, size.get(), "depth");
                if (depth.isPresent() && !List.of(1.0, 3.0, 4.0).contains(depth.get())) {
                    report.note(xml, size.get().line(), -1, "unusual image depth " + depth.get() + " (expected 1, 3 or 4)");
                }
            }
        } catch (MalformedFileException e) {
            report.skipped(xml, e.line(), -1, e.problem());
            return Optional.empty();
        }
        if (width <= 0 || height <= 0) {
            if (imageFile == null) {
                report.skipped(xml, annotation.line(), -1, "no image size and no image file '" + path + "' next to it");
                return Optional.empty();
            }
            Optional<ImageInfo> header = DatasetFiles.header(imageFile, report);
            if (header.isEmpty()) return Optional.empty();
            width = header.get().width();
            height = header.get().height();
        }

        List<DatasetBox> boxes = new ArrayList<>();
        List<XmlElement> objects = annotation.children("object");
        for (int i = 0; i < objects.size(); i++) {
            XmlElement object = objects.get(i);
            try {
                DatasetBox box = readObject(xml, object);
                BoxFitting.fit(box, width, height, xml, object.line(), i, report).ifPresent(boxes::add);
            } catch (MalformedFileException e) {
                report.skipped(xml, e.line(), i, e.problem());
            }
        }
        return Optional.of(new DatasetImage(path, imageFile, width, height, boxes));
    }

    private static DatasetBox readObject(Path xml, XmlElement object) throws MalformedFileException {
        String className = object.childText("name")
            .orElseThrow(() -> new MalformedFileException(xml, object.line(), 0, "object", "object without a <name>"));
        XmlElement bndbox = object.child("bndbox")
            .orElseThrow(() -> new MalformedFileException(xml, object.line(), 0, "object", "object without a <bndbox>"));
        double xmin = required(xml, bndbox, "xmin");
        double ymin = required(xml, bndbox, "ymin");
        double xmax = required(xml, bndbox, "xmax");
        double ymax = required(xml, bndbox, "ymax");
        boolean difficult = flag(xml, object, "difficult");
        boolean truncated = flag(xml, object, "truncated");
        return new DatasetBox(className, xmin - 1, ymin - 1, xmax, ymax, difficult, truncated, false, null);
    }

    private static Optional<Path> findImage(Path dir, Optional<String> filename, String xmlStem) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(dir);
        if (dir.getFileName() != null && dir.getFileName().toString().equalsIgnoreCase("Annotations") && dir.getParent() != null) {
            dirs.add(dir.getParent().resolve("JPEGImages"));
        }
        for (Path d : dirs) {
            if (filename.isPresent()) {
                if (Files.isRegularFile(d.resolve(filename.get()))) return Optional.of(d.resolve(filename.get()));
                // Some tools write the name without its extension.
                Optional<Path> byName = DatasetFiles.imageWithStem(d, filename.get());
                if (byName.isPresent()) return byName;
            }
            Optional<Path> byStem = DatasetFiles.imageWithStem(d, xmlStem);
            if (byStem.isPresent()) return byStem;
        }
        return Optional.empty();
    }

    private static double required(Path xml, XmlElement parent, String name) throws MalformedFileException {
        return number(xml, parent, name).orElseThrow(() ->
            new MalformedFileException(xml, parent.line(), 0, parent.name(), "<" + parent.name() + "> has no <" + name + ">"));
    }

    private static Optional<Double> number(Path xml, XmlElement parent, String name) throws MalformedFileException {
        Optional<XmlElement> e = parent.child(name);
        if (e.isEmpty() || e.get().text().isEmpty()) return Optional.empty();
        try {
            double v = Double.parseDouble(e.get().text());
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return Optional.of(v);
        } catch (NumberFormatException notANumber) {
            throw new MalformedFileException(xml, e.get().line(), 0, name, "<" + name + "> is not a number: '" + e.get().text() + "'");
        }
    }

    private static boolean flag(Path xml, XmlElement object, String name) throws MalformedFileException {
        Optional<String> text = object.childText(name);
        if (text.isEmpty()) return false;
        String t = text.get().toLowerCase(Locale.ROOT);
        if (t.equals("1") || t.equals("true")) return true;
        if (t.equals("0") || t.equals("false")) return false;
        throw new MalformedFileException(xml, object.child(name).orElseThrow().line(), 0, name,
            "<" + name + "> should be 0 or 1, was '" + text.get() + "'");
    }

    @Override
    public void write(Dataset dataset, Path dest) throws IOException {
        for (DatasetImage image : dataset.images()) {
            AtomicFiles.writeString(dest.resolve(image.stem() + ".xml"), toXml(image, depthOf(image.file())));
        }
    }

    static String toXml(DatasetImage image, int depth) {
        String fileName = image.path().substring(image.path().lastIndexOf('/') + 1);
        String folder = image.path().contains("/") ? image.path().substring(0, image.path().lastIndexOf('/')) : "";
        StringBuilder sb = new StringBuilder("<annotation>\n");
        sb.append("  <folder>").append(escape(folder)).append("</folder>\n");
        sb.append("  <filename>").append(escape(fileName)).append("</filename>\n");
        sb.append("  <size>\n");
        sb.append("    <width>").append(image.width()).append("</width>\n");
        sb.append("    <height>").append(image.height()).append("</height>\n");
        sb.append("    <depth>").append(depth).append("</depth>\n");
        sb.append("  </size>\n");
        sb.append("  <segmented>0</segmented>\n");
        for (DatasetBox box : image.boxes()) {
            long xmin = Math.round(box.x1()) + 1;
            long ymin = Math.round(box.y1()) + 1;
            // A box thinner than a pixel still keeps one pixel rather than vanishing.
            long xmax = Math.max(Math.round(box.x2()), xmin);
            long ymax = Math.max(Math.round(box.y2()), ymin);
            sb.append("  <object>\n");
            sb.append("    <name>").append(escape(box.className())).append("</name>\n");
            sb.append("    <pose>Unspecified</pose>\n");
            sb.append("    <truncated>").append(box.truncated() ? 1 : 0).append("</truncated>\n");
            sb.append("    <difficult>").append(box.difficult() ? 1 : 0).append("</difficult>\n");
            sb.append("    <bndbox>\n");
            sb.append("      <xmin>").append(xmin).append("</xmin>\n");
            sb.append("      <ymin>").append(ymin).append("</ymin>\n");
            sb.append("      <xmax>").append(xmax).append("</xmax>\n");
            sb.append("      <ymax>").append(ymax).append("</ymax>\n");
            sb.append("    </bndbox>\n");
            sb.append("  </object>\n");
        }
        return sb.append("</annotation>\n").toString();
    }

    /** Channels as VOC counts them: 1 grey, 3 colour (palette images too), 4 with alpha; 3 when unknown. */
    static int depthOf(Path image) {
        if (image == null || !Files.isRegularFile(image)) return 3;
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            if (in == null) return 3;
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return 3;
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageTypeSpecifier type = reader.getRawImageType(0);
                if (type == null) {
                    Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                    if (!types.hasNext()) return 3;
                    type = types.next();
                }
                ColorModel cm = type.getColorModel();
                if (cm instanceof IndexColorModel) return cm.hasAlpha() ? 4 : 3;
                return cm.getNumComponents();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return 3;
        }
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
