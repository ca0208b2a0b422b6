package io.boxwork.engine.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes an uncompressed zip the way torch's PyTorchStreamWriter does: every member's data
 * starts on a 64-byte boundary (padded with an "FB" extra field) so readers can map storages
 * in place. Data goes from direct buffers straight to the file channel.
 */
final class StoredZipWriter {

    private static final int ALIGNMENT = 64;
    private static final long LIMIT = 0xFFFFFFFFL;
    private static final int DOS_DATE_1980_01_01 = 0x21;

    private record Written(byte[] name, long crc, long size, long headerOffset) {
    }

    private final FileChannel channel;
    private final List<Written> written = new ArrayList<>();

    StoredZipWriter(FileChannel channel) {
        this.channel = channel;
    }

    /** Adds one member whose contents are the concatenation of {@code parts}. */
    void add(String name, List<ByteBuffer> parts) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        long size = 0;
        for (ByteBuffer part : parts) {
            size += part.remaining();
            crc.update(part.duplicate());
        }
        long headerOffset = channel.position();
        int unpadded = (int) ((headerOffset + 30 + nameBytes.length + 4) % ALIGNMENT);
        int padding = (ALIGNMENT - unpadded) % ALIGNMENT;
        if (headerOffset + 30 + nameBytes.length + 4 + padding + size >= LIMIT) {
            throw new IOException("archive would pass 4 GiB at " + name + ": ZIP64 output is not supported");
        }
        ByteBuffer header = ByteBuffer.allocate(30 + nameBytes.length + 4 + padding).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).putShort((short) DOS_DATE_1980_01_01)
                .putInt((int) crc.getValue()).putInt((int) size).putInt((int) size)
                .putShort((short) nameBytes.length).putShort((short) (4 + padding))
                .put(nameBytes)
                .putShort((short) 0x4246).putShort((short) padding);
        for (int i = 0; i < padding; i++) {
            header.put((byte) 'Z');
        }
        writeFully(header.flip());
        for (ByteBuffer part : parts) {
            writeFully(part.duplicate());
        }
        written.add(new Written(nameBytes, crc.getValue(), size, headerOffset));
    }

    void add(String name, byte[] contents) throws IOException {
        add(name, List.of(ByteBuffer.wrap(contents)));
    }

    /** Writes the central directory; the archive is complete after this. */
    void finish() throws IOException {
        long directoryOffset = channel.position();
        for (Written entry : written) {
            ByteBuffer record = ByteBuffer.allocate(46 + entry.name().length).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putShort((short) DOS_DATE_1980_01_01)
                    .putInt((int) entry.crc()).putInt((int) entry.size()).putInt((int) entry.size())
                    .putShort((short) entry.name().length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0)
                    .putInt((int) entry.headerOffset())
                    .put(entry.name());
            writeFully(record.flip());
        }
        long directorySize = channel.position() - directoryOffset;
        if (written.size() >= 0xFFFF || channel.position() >= LIMIT) {
            throw new IOException("archive has " + written.size() + " members / " + channel.position()
                    + " bytes: ZIP64 output is not supported");
        }
        ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) written.size()).putShort((short) written.size())
                .putInt((int) directorySize).putInt((int) directoryOffset).putShort((short) 0);
        writeFully(end.flip());
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
