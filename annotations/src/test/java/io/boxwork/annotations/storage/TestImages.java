package io.boxwork.annotations.storage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small real image files for tests. */
public final class TestImages {
    private TestImages() {
    }

    public static Path write(Path file, int width, int height, String format) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) img.setRGB(x, y, (x * 7 + y * 13) & 0xffffff);
        if (!ImageIO.write(img, format, file.toFile())) throw new IOException("no writer for " + format);
        return file;
    }
}
