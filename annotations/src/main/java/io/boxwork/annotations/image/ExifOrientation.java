package io.boxwork.annotations.image;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The EXIF orientation tag of a JPEG (1..8, 1 = as stored). Phones store photos sideways and
 * set this tag; labels are drawn on the upright picture, so every reader must apply it.
 */
public final class ExifOrientation {
    public static final int NORMAL = 1;

    private ExifOrientation() {
    }

    /** Orientation 5..8 turn the picture by 90 degrees: width and height swap. */
    public static boolean swapsAxes(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    public static int read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 65536))) {
            if (in.readUnsignedShort() != 0xFFD8) return NORMAL;
            while (true) {
                int marker = in.readUnsignedShort();
                if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFDA || marker == 0xFFD9) return NORMAL;
                int length = in.readUnsignedShort() - 2;
                if (length < 0) return NORMAL;
                if (marker == 0xFFE1) {
                    byte[] segment = new byte[length];
                    in.readFully(segment);
                    int o = fromApp1(segment);
                    if (o != 0) return o;
                } else {
                    in.skipNBytes(length);
                }
            }
        } catch (EOFException truncated) {
            return NORMAL;
        }
    }

    private static int fromApp1(byte[] s) {
        if (s.length < 14 || s[0] != 'E' || s[1] != 'x' || s[2] != 'i' || s[3] != 'f' || s[4] != 0 || s[5] != 0) return 0;
        ByteBuffer b = ByteBuffer.wrap(s, 6, s.length - 6).slice();
        if (b.get(0) == 'I' && b.get(1) == 'I') b.order(ByteOrder.LITTLE_ENDIAN);
        else if (b.get(0) == 'M' && b.get(1) == 'M') b.order(ByteOrder.BIG_ENDIAN);
        else return 0;
        int ifd = b.getInt(4);
        if (ifd < 8 || ifd + 2 > b.limit()) return 0;
        int entries = b.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int e = ifd + 2 + i * 12;
            if (e + 12 > b.limit()) return 0;
            if ((b.getShort(e) & 0xFFFF) == 0x0112) {
                int v = b.getShort(e + 8) & 0xFFFF;
                return v >= 1 && v <= 8 ? v : 0;
            }
        }
        return 0;
    }
}
