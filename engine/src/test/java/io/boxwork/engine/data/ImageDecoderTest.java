package io.boxwork.engine.data;

import io.boxwork.annotations.image.ImageInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageDecoderTest {
    @TempDir
    Path dir;

    @Test
    void rgbPngDecodesToChannelsFirstFloatsInTheUnitRange() throws Exception {
        Path file = TestImageFiles.write(TestImageFiles.gradient(30, 20), "png", dir.resolve("g.png"));
        DecodedImage img = ImageDecoder.decode(file);
        assertEquals(30, img.width());
        assertEquals(20, img.height());
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                int rgb = TestImageFiles.expectedGradient(x, y);
                assertEquals(((rgb >> 16) & 0xff) / 255f, img.at(0, x, y), 0f);
                assertEquals(((rgb >> 8) & 0xff) / 255f, img.at(1, x, y), 0f);
                assertEquals((rgb & 0xff) / 255f, img.at(2, x, y), 0f);
            }
        }
        // Plane layout: the whole R plane, then G, then B.
        assertEquals(img.at(1, 3, 2), img.chw()[30 * 20 + 2 * 30 + 3], 0f);
    }

    @Test
    void bmpAndJpegDecodeToTheSamePictureAsPng() throws Exception {
        BufferedImage picture = TestImageFiles.gradient(24, 16);
        DecodedImage png = ImageDecoder.decode(TestImageFiles.write(picture, "png", dir.resolve("a.png")));
        DecodedImage bmp = ImageDecoder.decode(TestImageFiles.write(picture, "bmp", dir.resolve("a.bmp")));
        DecodedImage jpg = ImageDecoder.decode(TestImageFiles.write(picture, "jpeg", dir.resolve("a.jpg")));
        assertTrue(Arrays.equals(png.chw(), bmp.chw()), "BMP pixels differ from PNG pixels");
        assertEquals(png.chw().length, jpg.chw().length);
        double meanError = 0;
        for (int i = 0; i < png.chw().length; i++) meanError += Math.abs(png.chw()[i] - jpg.chw()[i]);
        assertTrue(meanError / png.chw().length < 0.03, "JPEG mean error " + meanError / png.chw().length);
    }

    @Test
    void grayscaleKeepsTheStoredGreyInAllThreeChannelsWithoutGammaConversion() throws Exception {
        BufferedImage grey = new BufferedImage(8, 6, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 6; y++) for (int x = 0; x < 8; x++) grey.getRaster().setSample(x, y, 0, x * 30 + y);
        for (String format : new String[] {"png", "bmp"}) {
            DecodedImage img = ImageDecoder.decode(TestImageFiles.write(grey, format, dir.resolve("grey." + format)));
            for (int c = 0; c < 3; c++) assertEquals((3 * 30 + 2) / 255f, img.at(c, 3, 2), 0f, format + " channel " + c);
        }
        DecodedImage jpg = ImageDecoder.decode(TestImageFiles.write(grey, "jpeg", dir.resolve("grey.jpg")));
        assertEquals(jpg.at(0, 5, 1), jpg.at(2, 5, 1), 0f);
        assertEquals((5 * 30 + 1) / 255f, jpg.at(1, 5, 1), 4 / 255f);
    }

    @Test
    void sixteenBitGreyIsRescaledToTheUnitRange() throws Exception {
        BufferedImage grey = new BufferedImage(4, 4, BufferedImage.TYPE_USHORT_GRAY);
        grey.getRaster().setSample(1, 1, 0, 65535);
        grey.getRaster().setSample(2, 1, 0, 32896);
        DecodedImage img = ImageDecoder.decode(TestImageFiles.write(grey, "png", dir.resolve("g16.png")));
        assertEquals(1f, img.at(0, 1, 1), 0f);
        assertEquals(128 / 255f, img.at(1, 2, 1), 0f);
        assertEquals(0f, img.at(2, 0, 0), 0f);
    }

    @Test
    void sixteenBitColourAndFiveSixFiveSamplesAreRescaledPerChannel() throws Exception {
        ComponentColorModel cm16 = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), new int[] {16, 16, 16},
            false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        BufferedImage deep = new BufferedImage(cm16, cm16.createCompatibleWritableRaster(3, 2), false, null);
        deep.getRaster().setPixel(1, 1, new int[] {65535, 32896, 0});
        DecodedImage png = ImageDecoder.decode(TestImageFiles.write(deep, "png", dir.resolve("rgb16.png")));
        assertEquals(1f, png.at(0, 1, 1), 0f);
        assertEquals(128 / 255f, png.at(1, 1, 1), 0f);
        assertEquals(0f, png.at(2, 1, 1), 0f);

        BufferedImage packed = new BufferedImage(3, 2, BufferedImage.TYPE_USHORT_565_RGB);
        packed.getRaster().setPixel(2, 0, new int[] {31, 32, 0});
        DecodedImage bmp = ImageDecoder.decode(TestImageFiles.write(packed, "bmp", dir.resolve("rgb565.bmp")));
        assertEquals(1f, bmp.at(0, 2, 0), 0f);
        assertEquals(130 / 255f, bmp.at(1, 2, 0), 0f);
        assertEquals(0f, bmp.at(2, 2, 0), 0f);
    }

    @Test
    void greyWithAlphaKeepsTheGreyAndDropsTheAlpha() throws Exception {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), new int[] {8, 8},
            true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        BufferedImage greyAlpha = new BufferedImage(cm, cm.createCompatibleWritableRaster(2, 2), false, null);
        greyAlpha.getRaster().setPixel(1, 0, new int[] {90, 0});
        DecodedImage img = ImageDecoder.decode(TestImageFiles.write(greyAlpha, "png", dir.resolve("ga.png")));
        for (int c = 0; c < 3; c++) assertEquals(90 / 255f, img.at(c, 1, 0), 0f);
    }

    @Test
    void alphaIsDroppedNotCompositedOnBlack() throws Exception {
        BufferedImage rgba = new BufferedImage(5, 5, BufferedImage.TYPE_INT_ARGB);
        rgba.setRGB(1, 1, 0x00c86432);
        rgba.setRGB(2, 2, 0x80c86432);
        rgba.setRGB(3, 3, 0xffc86432);
        DecodedImage img = ImageDecoder.decode(TestImageFiles.write(rgba, "png", dir.resolve("rgba.png")));
        for (int[] p : new int[][] {{1, 1}, {2, 2}, {3, 3}}) {
            assertEquals(200 / 255f, img.at(0, p[0], p[1]), 0f);
            assertEquals(100 / 255f, img.at(1, p[0], p[1]), 0f);
            assertEquals(50 / 255f, img.at(2, p[0], p[1]), 0f);
        }
    }

    @Test
    void paletteImagesTakeTheirPaletteColours() throws Exception {
        byte[] r = {(byte) 255, 0, 0, (byte) 17};
        byte[] g = {0, (byte) 255, 0, (byte) 34};
        byte[] b = {0, 0, (byte) 255, (byte) 51};
        // PNG keeps a 2-bit palette; the JDK's BMP writer mangles small palettes, so BMP gets a full 8-bit one.
        BufferedImage twoBit = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_BINARY, new IndexColorModel(2, 4, r, g, b));
        BufferedImage eightBit = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_INDEXED,
            new IndexColorModel(8, 256, Arrays.copyOf(r, 256), Arrays.copyOf(g, 256), Arrays.copyOf(b, 256)));
        for (int x = 0; x < 4; x++) {
            twoBit.getRaster().setSample(x, 1, 0, x);
            eightBit.getRaster().setSample(x, 1, 0, x);
        }
        for (String format : new String[] {"png", "bmp"}) {
            BufferedImage indexed = format.equals("png") ? twoBit : eightBit;
            DecodedImage img = ImageDecoder.decode(TestImageFiles.write(indexed, format, dir.resolve("p." + format)));
            assertEquals(1f, img.at(0, 0, 1), 0f, format);
            assertEquals(1f, img.at(1, 1, 1), 0f, format);
            assertEquals(1f, img.at(2, 2, 1), 0f, format);
            assertEquals(17 / 255f, img.at(0, 3, 1), 0f, format);
            assertEquals(34 / 255f, img.at(1, 3, 1), 0f, format);
            assertEquals(51 / 255f, img.at(2, 3, 1), 0f, format);
        }
    }

    /**
     * A 40 x 20 picture with a red block at its top-left and a green block at its top-right,
     * stored with each EXIF orientation: the blocks must land where the upright picture shows them.
     */
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
        "1, 40, 20, 5, 5, 35, 5",
        "2, 40, 20, 34, 5, 4, 5",
        "3, 40, 20, 34, 14, 4, 14",
        "4, 40, 20, 5, 14, 35, 14",
        "5, 20, 40, 5, 5, 5, 35",
        "6, 20, 40, 14, 5, 14, 35",
        "7, 20, 40, 14, 34, 14, 4",
        "8, 20, 40, 5, 34, 5, 4",
    })
    void exifOrientationIsAppliedSoPixelsMatchTheUprightPicture(int orientation, int width, int height,
                                                                 int redX, int redY, int greenX, int greenY) throws Exception {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                boolean top = y < 10;
                img.setRGB(x, y, top && x < 10 ? 0xff0000 : top && x >= 30 ? 0x00ff00 : 0xffffff);
            }
        }
        Path file = dir.resolve("o" + orientation + ".jpg");
        Files.write(file, TestImageFiles.withExifOrientation(TestImageFiles.jpeg(img, 0.95f), orientation));
        DecodedImage decoded = ImageDecoder.decode(file);
        assertEquals(width, decoded.width());
        assertEquals(height, decoded.height());
        ImageInfo info = ImageInfo.read(file);
        assertEquals(info.width(), decoded.width(), "decoder and header reader disagree on the upright width");
        assertEquals(info.height(), decoded.height());
        assertTrue(decoded.at(0, redX, redY) > 0.8f && decoded.at(1, redX, redY) < 0.2f, "no red at " + redX + "," + redY);
        assertTrue(decoded.at(1, greenX, greenY) > 0.8f && decoded.at(0, greenX, greenY) < 0.2f, "no green at " + greenX + "," + greenY);
    }

    @Test
    void aTruncatedJpegFailsNamingTheFile() throws Exception {
        byte[] whole = TestImageFiles.jpeg(TestImageFiles.gradient(64, 64), 0.9f);
        Path file = dir.resolve("cut.jpg");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains("cut.jpg"), e.getMessage());
    }

    @Test
    void aFileThatIsNoImageFailsNamingTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.png"), "not an image", StandardCharsets.UTF_8);
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.reason().contains("not a JPEG, PNG or BMP"), e.reason());
    }

    @Test
    void aMissingFileFailsNamingTheFile() {
        Path file = dir.resolve("gone.jpg");
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(file));
        assertEquals(file, e.file());
        assertTrue(e.reason().contains("missing"));
    }
}
