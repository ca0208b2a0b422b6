package io.boxwork.app;

import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.storage.Project;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small projects generated at test time: a few PNGs with a gradient so the picture is visible. */
public final class TestProjects {
    private TestProjects() {
    }

    public static Project create(Path dir, int images, int width, int height, List<String> classes) throws IOException {
        Project p = Project.create(dir, ProjectSettings.create("test", classes));
        for (int i = 0; i < images; i++) writePng(p.imagesDir().resolve(String.format("img%02d.png", i + 1)), width, height, i);
        p.rescanImages();
        return p;
    }

    public static void writePng(Path file, int width, int height, int seed) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int y = 0; y < height; y += 4) {
            g.setColor(new Color((seed * 40) % 255, (y * 255 / height), 120));
            g.fillRect(0, y, width, 4);
        }
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }
}
