package io.boxwork.app.bench;

import javafx.application.Platform;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;

/** Shared by the benchmark mains: headless JavaFX and photo-like test pictures. */
final class BenchSupport {
    private BenchSupport() {
    }

    /** Starts JavaFX on Monocle's headless screen with the software renderer, as the UI tests do. */
    static void startHeadlessFx() throws Exception {
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        System.setProperty("java.awt.headless", "true");
        CompletableFuture<Void> up = new CompletableFuture<>();
        Platform.startup(() -> up.complete(null));
        up.get();
    }

    static <T> T fx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get();
    }

    /** A 12-megapixel JPEG with texture (noise and shapes), so decoding costs what a photo costs. */
    static void writePhotoJpeg(Path file, int width, int height, long seed) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int base = (x * 255 / width) ^ (y * 255 / height);
                int n = r.nextInt(40);
                row[x] = ((base + n) & 0xff) << 16 | ((base / 2 + n) & 0xff) << 8 | ((255 - base + n) & 0xff);
            }
            img.setRGB(0, y, width, 1, row, 0, width);
        }
        Graphics2D g = img.createGraphics();
        for (int i = 0; i < 200; i++) {
            g.setColor(new Color(r.nextInt(0xffffff)));
            g.fillOval(r.nextInt(width), r.nextInt(height), 20 + r.nextInt(400), 20 + r.nextInt(400));
        }
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(0.9f);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            w.setOutput(out);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
    }

    static String summary(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(Double.NaN);
        return String.format("median %.1f ms, mean %.1f ms, min %.1f ms, max %.1f ms (n=%d)", s[s.length / 2], mean, s[0], s[s.length - 1], s.length);
    }
}
