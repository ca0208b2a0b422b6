package io.boxwork.engine.inference;

import io.boxwork.annotations.image.ExifOrientation;
import org.bytedeco.pytorch.Tensor;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Decodes an image file into the {@code 3 x H x W} float tensor in [0, 1] the detector takes,
 * upright as a person sees it (EXIF orientation applied, as the labels were drawn on it).
 */
public final class ImageTensors {
    private ImageTensors() {
    }

    /** Decoded pixels, upright, as {@code 3 x H x W} channel planes in [0, 1]. */
    public record Pixels(float[] chw, int width, int height) {
        public Tensor toTensor() {
            return Tensor.create(chw, 3, height, width);
        }
    }

    public static Pixels read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "image file not found");
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) throw new IOException(file + ": not an image this program can decode (jpg, png, bmp)");
        int orientation = ExifOrientation.read(file);
        return fromImage(img, orientation);
    }

    public static Pixels fromImage(BufferedImage img, int orientation) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        boolean swap = ExifOrientation.swapsAxes(orientation);
        int outW = swap ? h : w;
        int outH = swap ? w : h;
        int plane = outW * outH;
        float[] chw = new float[3 * plane];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    case 8 -> { sx = w - 1 - y; sy = x; }
                    default -> { sx = x; sy = y; }
                }
                int p = argb[sy * w + sx];
                int o = y * outW + x;
                chw[o] = ((p >> 16) & 0xff) / 255f;
                chw[plane + o] = ((p >> 8) & 0xff) / 255f;
                chw[2 * plane + o] = (p & 0xff) / 255f;
            }
        }
        return new Pixels(chw, outW, outH);
    }
}
