package io.boxwork.engine.weights;

import io.boxwork.engine.weights.PickleObjects.StorageRef;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pre-1.6 format ({@code _use_new_zipfile_serialization=False}): five things back to back —
 * a magic-number pickle, a protocol-version pickle, a sys-info pickle, the object pickle, a
 * pickled list of storage keys — then each storage in that order as an int64 element count
 * followed by its raw bytes.
 */
final class LegacyPthReader {

    private static final String PART = "legacy";
    // pickle of the magic number 0x1950a86a20f9469cfc6c: PROTO 2, LONG1 of 10 bytes, STOP
    private static final byte[] MAGIC = {
            (byte) 0x80, 0x02, (byte) 0x8a, 0x0a, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9,
            0x20, 0x6a, (byte) 0xa8, 0x50, 0x19, 0x2e};
    private static final long PROTOCOL_VERSION = 1001;

    private LegacyPthReader() {
    }

    static boolean startsLikeLegacy(ByteBuffer head) {
        if (head.remaining() < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (head.get(head.position() + i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    static PthValue read(Path file, FileChannel channel) throws IOException {
        if (channel.size() > Integer.MAX_VALUE) {
            throw new PthFormatException(file, PART, 0, "legacy-format files over 2 GiB are not supported; re-save with torch >= 1.6");
        }
        MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        ByteBuffer in = mapped.order(ByteOrder.LITTLE_ENDIAN);
        if (!startsLikeLegacy(in)) {
            throw new PthFormatException(file, PART, 0, "missing the torch legacy magic number");
        }
        in.position(MAGIC.length);
        PthValue protocol = PickleObjects.freeze(new PickleMachine(file, PART, in, LegacyPthReader::noStorage).run());
        if (!(protocol instanceof PthValue.Int version) || version.value() != PROTOCOL_VERSION) {
            throw new PthFormatException(file, PART, in.position(), "unsupported legacy protocol version " + protocol);
        }
        PthValue sysInfo = PickleObjects.freeze(new PickleMachine(file, PART, in, LegacyPthReader::noStorage).run());
        if (sysInfo instanceof PthValue.Dict info
                && info.get("little_endian").filter(v -> v instanceof PthValue.Bool b && !b.value()).isPresent()) {
            throw new PthFormatException(file, PART, in.position(), "big-endian legacy files are not supported");
        }

        Map<String, StorageRef> storages = new HashMap<>();
        Map<String, Tensor> storageBytes = new LinkedHashMap<>();
        Object root = new PickleMachine(file, PART, in, (id, at) -> {
            StorageId storage = StorageId.parse(id, at);
            StorageRef known = storages.get(storage.key());
            if (known != null) {
                return known;
            }
            // the bytes come after the object pickle: tensors view this memory, filled below
            Tensor bytes = StorageBytes.allocate(storage.byteCount());
            StorageRef ref = new StorageRef(StorageBytes.asElements(bytes, storage.type(), false), storage.type(), storage.key());
            storages.put(storage.key(), ref);
            storageBytes.put(storage.key(), bytes);
            return ref;
        }).run();

        long keysAt = in.position();
        PthValue keys = PickleObjects.freeze(new PickleMachine(file, PART, in, LegacyPthReader::noStorage).run());
        if (!(keys instanceof PthValue.ListValue keyList)) {
            throw new PthFormatException(file, PART, keysAt, "storage key list is not a list: " + keys);
        }
        for (PthValue key : keyList.items()) {
            if (!(key instanceof PthValue.Str name) || !storageBytes.containsKey(name.value())) {
                throw new PthFormatException(file, PART, in.position(), "storage key " + key + " was not used by the object pickle");
            }
            fill(file, in, storageBytes.get(name.value()), storages.get(name.value()));
        }
        return PickleObjects.freeze(root);
    }

    private static void fill(Path file, ByteBuffer in, Tensor bytes, StorageRef storage) throws PthFormatException {
        long at = in.position();
        if (in.remaining() < 8) {
            throw new PthFormatException(file, PART, at, "truncated: storage " + storage.key() + " header missing");
        }
        long elements = in.getLong();
        long byteCount = elements * storage.type().elementSize;
        if (byteCount != bytes.nbytes()) {
            throw new PthFormatException(file, PART, at, "storage " + storage.key() + " holds " + elements
                    + " elements but the pickle declared " + storage.elements().numel());
        }
        if (byteCount > in.remaining()) {
            throw new PthFormatException(file, PART, at, "truncated: storage " + storage.key() + " needs " + byteCount
                    + " bytes, " + in.remaining() + " left");
        }
        if (byteCount > 0) {
            Pointer.memcpy(StorageBytes.pointerTo(bytes), new BytePointer(in.slice(in.position(), (int) byteCount)), byteCount);
        }
        in.position(in.position() + (int) byteCount);
    }

    private static Object noStorage(PickleObjects.PyTuple id, PickleMachine at) throws PthFormatException {
        throw at.error("a storage reference outside the object pickle");
    }
}
