package io.boxwork.annotations.image;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * An image's upright size read from its header, without decoding the pixels: opening a project
 * of thousands of photos must not decode each one.
 */
public record ImageInfo(int width, int height, int exifOrientation) {

    public static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp");

    public static boolean isImageFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1)) && !name.startsWith(".");
    }

    public static ImageInfo read(Path file) throws IOException {
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString(), null, "image file is missing");
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) throw new IOException(file + ": cannot open the image");
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new IOException(file + ": not a JPEG, PNG or BMP image (unknown format)");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                int orientation = "jpeg".equalsIgnoreCase(reader.getFormatName()) ? ExifOrientation.read(file) : ExifOrientation.NORMAL;
                return ExifOrientation.swapsAxes(orientation) ? new ImageInfo(h, w, orientation) : new ImageInfo(w, h, orientation);
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + ": the image header is unreadable (" + e.getMessage() + ")", e);
            } finally {
                reader.dispose();
            }
        }
    }
}
