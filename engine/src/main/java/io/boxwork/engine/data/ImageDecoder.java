package io.boxwork.engine.data;

import io.boxwork.annotations.image.ExifOrientation;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decodes JPEG, PNG and BMP files into upright RGB floats, the way torchvision users load them
 * with PIL's {@code convert("RGB")}:
 * <ul>
 *   <li>grayscale: the stored grey value in all three channels (no gamma conversion);</li>
 *   <li>palette: the palette's colours;</li>
 *   <li>alpha: <b>dropped</b> (the colour channels are kept as stored, not composited), which
 *       is also what {@code convert("RGB")} does;</li>
 *   <li>16-bit or 5-6-5 samples: rescaled to 8 bits;</li>
 *   <li>JPEG EXIF orientation: applied, so pixels match labels drawn on the upright picture.</li>
 * </ul>
 * Pixels are read from the raster in bulk per band; nothing here calls into native code.
 */
public final class ImageDecoder {
    private ImageDecoder() {
    }

    public static DecodedImage decode(Path file) throws ImageDecodeException {
        PackedRgb upright = decodePacked(file);
        return new DecodedImage(upright.width(), upright.height(), upright.toChw());
    }

    static PackedRgb decodePacked(Path file) throws ImageDecodeException {
        if (!Files.isRegularFile(file)) throw new ImageDecodeException(file, "the file is missing", null);
        BufferedImage image;
        String format;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) throw new ImageDecodeException(file, "the file cannot be opened", null);
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new ImageDecodeException(file, "not a JPEG, PNG or BMP image", null);
            ImageReader reader = readers.next();
            List<String> fatalWarnings = new ArrayList<>();
            IIOReadWarningListener warnings = (source, warning) -> {
                // A truncated JPEG decodes "successfully" with grey where data is missing: refuse it.
                if (warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end")) fatalWarnings.add(warning);
            };
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener(warnings);
                format = reader.getFormatName().toLowerCase(Locale.ROOT);
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
            if (!fatalWarnings.isEmpty()) throw new ImageDecodeException(file, "the file is truncated: " + fatalWarnings.get(0), null);
        } catch (ImageDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageDecodeException(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
        PackedRgb stored;
        try {
            stored = toPackedRgb(image);
        } catch (RuntimeException e) {
            // e.g. a palette index beyond the palette: the file is damaged in a way ImageIO let through.
            throw new ImageDecodeException(file, "the pixel data is inconsistent: " + e, e);
        }
        int orientation = ExifOrientation.NORMAL;
        if (format.equals("jpeg") || format.equals("jpg")) {
            try {
                orientation = ExifOrientation.read(file);
            } catch (IOException e) {
                throw new ImageDecodeException(file, "the EXIF block is unreadable: " + e.getMessage(), e);
            }
        }
        return stored.oriented(orientation);
    }

    static PackedRgb toPackedRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int n = w * h;
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        int[] out = new int[n];
        if (cm instanceof IndexColorModel icm) {
            int[] palette = new int[icm.getMapSize()];
            icm.getRGBs(palette);
            int[] index = raster.getSamples(0, 0, w, h, 0, (int[]) null);
            for (int i = 0; i < n; i++) out[i] = palette[index[i]] & 0xffffff;
        } else if (cm.getNumColorComponents() == 1) {
            int[] grey = scaledBand(raster, 0, w, h);
            for (int i = 0; i < n; i++) out[i] = grey[i] << 16 | grey[i] << 8 | grey[i];
        } else if (cm.getNumColorComponents() == 3 && cm.getColorSpace().getType() == ColorSpace.TYPE_RGB
                   && interleavedBytes(raster)) {
            // What ImageIO gives for colour JPEGs: read the byte array directly (3x faster than per band).
            PixelInterleavedSampleModel sm = (PixelInterleavedSampleModel) raster.getSampleModel();
            byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
            int[] offsets = sm.getBandOffsets();
            int stride = sm.getScanlineStride();
            int step = sm.getPixelStride();
            for (int y = 0; y < h; y++) {
                int row = y * stride;
                for (int x = 0; x < w; x++) {
                    int p = row + x * step;
                    out[y * w + x] = (data[p + offsets[0]] & 0xff) << 16 | (data[p + offsets[1]] & 0xff) << 8 | (data[p + offsets[2]] & 0xff);
                }
            }
        } else if (cm.getNumColorComponents() == 3 && cm.getColorSpace().getType() == ColorSpace.TYPE_RGB) {
            // Band order follows the colour model (R, G, B[, A]) whatever the byte layout in memory.
            int[] r = scaledBand(raster, 0, w, h);
            int[] g = scaledBand(raster, 1, w, h);
            int[] b = scaledBand(raster, 2, w, h);
            for (int i = 0; i < n; i++) out[i] = r[i] << 16 | g[i] << 8 | b[i];
        } else {
            // Other colour spaces (e.g. CMYK): let Java convert to sRGB.
            image.getRGB(0, 0, w, h, out, 0, w);
            for (int i = 0; i < n; i++) out[i] &= 0xffffff;
        }
        return new PackedRgb(w, h, out);
    }

    /** One byte per sample, pixels interleaved in a single bank that starts the raster's data. */
    private static boolean interleavedBytes(Raster raster) {
        return raster.getSampleModel() instanceof PixelInterleavedSampleModel sm
            && raster.getDataBuffer() instanceof DataBufferByte db
            && db.getNumBanks() == 1 && db.getOffset() == 0
            && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
            && sm.getNumBands() >= 3 && sm.getSampleSize(0) == 8 && sm.getSampleSize(1) == 8 && sm.getSampleSize(2) == 8;
    }

    private static int[] scaledBand(Raster raster, int band, int w, int h) {
        int[] v = raster.getSamples(0, 0, w, h, band, (int[]) null);
        int bits = raster.getSampleModel().getSampleSize(band);
        if (bits == 8) return v;
        long max = (1L << bits) - 1;
        for (int i = 0; i < v.length; i++) v[i] = (int) (((v[i] & 0xffffffffL) * 255 + max / 2) / max);
        return v;
    }
}
