package io.boxwork.engine.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The central directory of a torch zip archive, read straight from the file so that each
 * storage can later be read from its byte range into tensor memory without an extra copy
 * ({@link java.util.zip.ZipFile} would hand out streams only). Handles ZIP64, which torch
 * writes for archives past 4 GiB.
 */
final class ZipDirectory {

    static final int STORED = 0;
    static final int DEFLATED = 8;

    /** One member: where its bytes start in the file and how they are stored. */
    record Entry(String name, int method, long compressedSize, long size, long dataOffset) {
    }

    private ZipDirectory() {
    }

    static Map<String, Entry> read(Path file, FileChannel channel) throws IOException {
        long fileSize = channel.size();
        int tailLength = (int) Math.min(fileSize, 22 + 65_535 + 20 + 56);
        ByteBuffer tail = readAt(channel, fileSize - tailLength, tailLength, file);
        int eocd = -1;
        for (int i = tailLength - 22; i >= 0; i--) {
            if (tail.getInt(i) == 0x06054b50) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            throw new PthFormatException(file, "zip", fileSize, "no zip end-of-directory record: the file is truncated or not a torch zip archive");
        }
        long entryCount = tail.getShort(eocd + 10) & 0xFFFF;
        long directorySize = tail.getInt(eocd + 12) & 0xFFFFFFFFL;
        long directoryOffset = tail.getInt(eocd + 16) & 0xFFFFFFFFL;
        if (eocd >= 20 && tail.getInt(eocd - 20) == 0x07064b50) {
            long zip64Record = tail.getLong(eocd - 20 + 8);
            ByteBuffer record = readAt(channel, zip64Record, 56, file);
            if (record.getInt(0) != 0x06064b50) {
                throw new PthFormatException(file, "zip", zip64Record, "ZIP64 end-of-directory locator points at no record");
            }
            entryCount = record.getLong(32);
            directorySize = record.getLong(40);
            directoryOffset = record.getLong(48);
        }
        if (directoryOffset + directorySize > fileSize || directorySize > Integer.MAX_VALUE) {
            throw new PthFormatException(file, "zip", directoryOffset, "central directory runs past the end of the file");
        }
        ByteBuffer directory = readAt(channel, directoryOffset, (int) directorySize, file);
        Map<String, Entry> entries = new LinkedHashMap<>();
        int at = 0;
        for (long i = 0; i < entryCount; i++) {
            if (at + 46 > directory.limit() || directory.getInt(at) != 0x02014b50) {
                throw new PthFormatException(file, "zip", directoryOffset + at, "bad central directory entry " + i);
            }
            int method = directory.getShort(at + 10) & 0xFFFF;
            long compressed = directory.getInt(at + 20) & 0xFFFFFFFFL;
            long size = directory.getInt(at + 24) & 0xFFFFFFFFL;
            int nameLength = directory.getShort(at + 28) & 0xFFFF;
            int extraLength = directory.getShort(at + 30) & 0xFFFF;
            int commentLength = directory.getShort(at + 32) & 0xFFFF;
            long localHeader = directory.getInt(at + 42) & 0xFFFFFFFFL;
            byte[] nameBytes = new byte[nameLength];
            directory.get(at + 46, nameBytes);
            String name = new String(nameBytes, StandardCharsets.UTF_8);
            int extra = at + 46 + nameLength;
            for (int e = extra; e + 4 <= extra + extraLength; ) {
                int id = directory.getShort(e) & 0xFFFF;
                int length = directory.getShort(e + 2) & 0xFFFF;
                if (id == 0x0001) {
                    // ZIP64 fields appear only for the values saturated in the fixed header, in this order
                    int field = e + 4;
                    if (size == 0xFFFFFFFFL) {
                        size = directory.getLong(field);
                        field += 8;
                    }
                    if (compressed == 0xFFFFFFFFL) {
                        compressed = directory.getLong(field);
                        field += 8;
                    }
                    if (localHeader == 0xFFFFFFFFL) {
                        localHeader = directory.getLong(field);
                    }
                }
                e += 4 + length;
            }
            ByteBuffer local = readAt(channel, localHeader, 30, file);
            if (local.getInt(0) != 0x04034b50) {
                throw new PthFormatException(file, name, localHeader, "no local file header where the directory says");
            }
            long dataOffset = localHeader + 30 + (local.getShort(26) & 0xFFFF) + (local.getShort(28) & 0xFFFF);
            if (dataOffset + compressed > fileSize) {
                throw new PthFormatException(file, name, dataOffset,
                        "truncated: entry needs " + compressed + " bytes but the file ends at " + fileSize);
            }
            entries.put(name, new Entry(name, method, compressed, size, dataOffset));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    static ByteBuffer readAt(FileChannel channel, long position, int length, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new PthFormatException(file, "zip", position + buffer.position(), "truncated: file ends early");
            }
        }
        return buffer.flip();
    }
}
