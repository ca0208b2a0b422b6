package io.boxwork.engine.data;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Image files made at test time: every format and pixel layout the decoder must handle. */
final class TestImageFiles {
    private TestImageFiles() {
    }

    static Path write(BufferedImage image, String format, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (format.equals("jpeg")) {
            Files.write(file, jpeg(image, 0.95f));
        } else if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no " + format + " writer for image type " + image.getType());
        }
        return file;
    }

    /** A w x h RGB picture whose every pixel is distinct and predictable. */
    static BufferedImage gradient(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, expectedGradient(x, y));
        return img;
    }

    static int expectedGradient(int x, int y) {
        return ((x * 9) & 0xff) << 16 | ((y * 7) & 0xff) << 8 | ((x + y) * 3 & 0xff);
    }

    static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    /**
     * The JPEG with an EXIF APP1 segment carrying {@code orientation} spliced in after its JFIF
     * APP0 segment, the way a phone camera writes it (big-endian TIFF, one IFD entry 0x0112).
     */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        if ((jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8) throw new IllegalArgumentException("not a JPEG");
        int insertAt = 2;
        if ((jpeg[2] & 0xff) == 0xff && (jpeg[3] & 0xff) == 0xe0) {
            insertAt = 4 + ((jpeg[4] & 0xff) << 8 | (jpeg[5] & 0xff));
        }
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        byte[] exif = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + exif.length + tiff.capacity();
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
        out.put(jpeg, 0, insertAt);
        out.put((byte) 0xff).put((byte) 0xe1).putShort((short) length).put(exif).put(tiff.array());
        out.put(jpeg, insertAt, jpeg.length - insertAt);
        return out.array();
    }
}
