package io.boxwork.app.images;

import io.boxwork.app.TestProjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageDecoderTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** A JPEG stored 40 x 20 with an EXIF orientation tag, built at test time. */
    static void writeJpegWithOrientation(Path file, int orientation) throws Exception {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", jpeg);
        byte[] plain = jpeg.toByteArray();
        // Exif header + little-endian TIFF with one IFD entry: 0x0112 (orientation), SHORT, count 1.
        ByteBuffer tiff = ByteBuffer.allocate(26).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8).putShort((short) 1)
            .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        byte[] exif = new byte[6 + tiff.capacity()];
        System.arraycopy("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.capacity());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        int len = exif.length + 2;
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.write(exif);
        out.write(plain, 2, plain.length - 2);
        Files.write(file, out.toByteArray());
    }

    @Test
    void aSidewaysPhoneJpegIsPlacedUprightOnTheLabelPlane() throws Exception {
        Path file = dir.resolve("phone.jpg");
        writeJpegWithOrientation(file, 6);
        DecodedImage d = new ImageDecoder().decode("phone.jpg", file);
        assertEquals(20, d.width());
        assertEquals(40, d.height());
        assertEquals(40, d.image().getWidth(), "pixels are decoded as stored");
        // The stored top-left corner lands at the upright top-right corner.
        assertEquals(20, d.placement().x(0, 0), 1e-9);
        assertEquals(0, d.placement().y(0, 0), 1e-9);
        assertFalse(d.downsampled());
    }

    @Test
    void aVeryLargeImageIsDecodedDownsampledButPlacedAtFullSize() throws Exception {
        Path file = dir.resolve("big.png");
        TestProjects.writePng(file, 200, 100, 1);
        DecodedImage d = new ImageDecoder(64).decode("big.png", file);
        assertEquals(64, d.image().getWidth());
        assertEquals(32, d.image().getHeight());
        assertTrue(d.downsampled());
        assertEquals(200, d.placement().x(64, 32), 1e-9);
        assertEquals(100, d.placement().y(64, 32), 1e-9);
    }

    @Test
    void aFileThatIsNotAPictureFailsWithItsName() throws Exception {
        Path file = dir.resolve("broken.png");
        Files.writeString(file, "not a png");
        var e = assertThrows(java.io.IOException.class, () -> new ImageDecoder().decode("broken.png", file));
        assertTrue(e.getMessage().contains("broken.png"), e.getMessage());
    }

    @Test
    void thePrefetcherDecodesNeighboursAheadAndForgetsTheRest() throws Exception {
        for (String n : List.of("a.png", "b.png", "c.png")) TestProjects.writePng(dir.resolve(n), 64, 48, 2);
        try (ImagePrefetcher p = new ImagePrefetcher(new ImageDecoder(), dir::resolve)) {
            p.keepOnly(List.of("a.png", "b.png"));
            var b = p.get("b.png");
            assertSame(b, p.get("b.png"), "a picture is decoded once");
            assertEquals(64, b.get(10, TimeUnit.SECONDS).image().getWidth());
            assertTrue(p.isReady("a.png"));
            p.keepOnly(List.of("c.png"));
            assertFalse(p.isReady("a.png"));
        }
    }
}
