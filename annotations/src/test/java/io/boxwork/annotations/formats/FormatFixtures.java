package io.boxwork.annotations.formats;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Test inputs: resource folders copied to a temporary folder, and tiny images of every colour layout made on the spot. */
final class FormatFixtures {
    private FormatFixtures() {
    }

    /** Copies {@code src/test/resources/formats/<name>} into {@code dir} and returns the copy. */
    static Path copyResource(String name, Path dir) throws IOException {
        Path from;
        try {
            from = Path.of(FormatFixtures.class.getResource("/formats/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("missing test resource formats/" + name, e);
        }
        Path to = dir.resolve(name);
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(target);
                    else Files.copy(p, target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }

    static Path rgb(Path file, int width, int height) throws IOException {
        return write(file, new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png");
    }

    static Path jpeg(Path file, int width, int height) throws IOException {
        return write(file, new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpg");
    }

    static Path gray(Path file, int width, int height) throws IOException {
        return write(file, new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "png");
    }

    static Path rgba(Path file, int width, int height) throws IOException {
        return write(file, new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    static Path palette(Path file, int width, int height) throws IOException {
        return write(file, new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED), "png");
    }

    private static Path write(Path file, BufferedImage img, String format) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        // A pattern rather than a flat colour, so two test images of the same size are different files.
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, 0xff000000 | ((x * 37 + y * 11 + file.getFileName().hashCode()) & 0xffffff));
            }
        }
        if (!ImageIO.write(img, format, file.toFile())) throw new IOException("no " + format + " writer");
        return file;
    }

    static DatasetBox only(Dataset d, String path, int index) {
        return image(d, path).boxes().get(index);
    }

    static DatasetImage image(Dataset d, String path) {
        return d.images().stream().filter(i -> i.path().equals(path)).findFirst()
            .orElseThrow(() -> new AssertionError("no image " + path + " in " + d.images().stream().map(DatasetImage::path).toList()));
    }
}
