package io.boxwork.engine.weights;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Moves storage bytes between a file and LibTorch memory without passing them through the Java
 * heap: the file channel reads into (and writes from) a {@link ByteBuffer} that views the
 * tensor's own memory. Per-byte JNI copies (ByteVector) cost seconds on a 160 MB model.
 */
final class StorageBytes {

    // ByteBuffers index with int: move at most this much per call
    private static final int CHUNK = 1 << 30;

    private StorageBytes() {
    }

    static Tensor allocate(long byteCount) {
        return torch.empty(new long[] {byteCount}, new TensorOptions(ScalarType.Byte), new MemoryFormatOptional());
    }

    /** A view of a contiguous CPU tensor's bytes. */
    static BytePointer pointerTo(Tensor contiguous) {
        BytePointer bytes = new BytePointer(contiguous.data_ptr());
        bytes.capacity(contiguous.nbytes());
        return bytes;
    }

    static ByteBuffer window(BytePointer bytes, long from, int length) {
        return bytes.position(from).limit(from + length).asByteBuffer();
    }

    /** Reads {@code byteCount} bytes at {@code position} into a new uint8 tensor. */
    static Tensor readStored(FileChannel channel, long position, long byteCount, Path file, String part) throws IOException {
        Tensor bytes = allocate(byteCount);
        if (byteCount == 0) {
            return bytes;
        }
        BytePointer memory = pointerTo(bytes);
        for (long done = 0; done < byteCount; ) {
            int length = (int) Math.min(CHUNK, byteCount - done);
            ByteBuffer target = window(memory, done, length);
            while (target.hasRemaining()) {
                int n = channel.read(target, position + done + target.position());
                if (n < 0) {
                    throw new PthFormatException(file, part, done + target.position(), "truncated: storage ends early");
                }
            }
            done += length;
        }
        return bytes;
    }

    /** Inflates a deflated zip member (torch never compresses, but re-zipped archives may be). */
    static Tensor readDeflated(FileChannel channel, ZipDirectory.Entry entry, long byteCount, Path file) throws IOException {
        if (entry.compressedSize() > Integer.MAX_VALUE) {
            throw new PthFormatException(file, entry.name(), 0, "compressed storage larger than 2 GiB");
        }
        ByteBuffer compressed = ZipDirectory.readAt(channel, entry.dataOffset(), (int) entry.compressedSize(), file);
        Tensor bytes = allocate(byteCount);
        if (byteCount == 0) {
            return bytes;
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(compressed);
            BytePointer memory = pointerTo(bytes);
            for (long done = 0; done < byteCount; ) {
                ByteBuffer target = window(memory, done, (int) Math.min(CHUNK, byteCount - done));
                int n = inflater.inflate(target);
                if (n == 0 && (inflater.finished() || inflater.needsInput())) {
                    throw new PthFormatException(file, entry.name(), done, "truncated: deflated storage ends early");
                }
                done += n;
            }
        } catch (DataFormatException e) {
            throw new PthFormatException(file, entry.name(), inflater.getBytesRead(), "corrupt deflate data: " + e.getMessage());
        } finally {
            inflater.end();
        }
        return bytes;
    }

    /**
     * Reinterprets raw storage bytes as elements of {@code type}; a big-endian file (torch writes
     * its byte order in {@code byteorder}) has each element's bytes reversed first.
     */
    static Tensor asElements(Tensor bytes, StorageType type, boolean bigEndian) {
        Tensor ordered = bytes;
        if (bigEndian && type.elementSize > 1) {
            ordered = bytes.view(-1, type.elementSize).flip(1).contiguous().view(-1);
        }
        return type.scalarType == ScalarType.Byte ? ordered : ordered.view(type.scalarType);
    }
}
