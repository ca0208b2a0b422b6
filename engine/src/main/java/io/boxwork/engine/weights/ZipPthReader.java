package io.boxwork.engine.weights;

import io.boxwork.engine.weights.PickleObjects.StorageRef;
import org.bytedeco.pytorch.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The zip format of torch.save (torch >= 1.6): {@code <name>/data.pkl} holds the pickle,
 * {@code <name>/data/<key>} one raw storage each, {@code <name>/byteorder} (torch >= 2.1) the
 * byte order of those storages, little-endian when absent.
 */
final class ZipPthReader {

    private ZipPthReader() {
    }

    static PthValue read(Path file, FileChannel channel) throws IOException {
        Map<String, ZipDirectory.Entry> entries = ZipDirectory.read(file, channel);
        ZipDirectory.Entry pickle = entries.values().stream()
                .filter(e -> e.name().endsWith("data.pkl") && e.name().indexOf('/') == e.name().length() - "/data.pkl".length())
                .findFirst()
                .orElseThrow(() -> new PthFormatException(file, "zip", 0, "no <name>/data.pkl entry: not a torch.save archive"));
        String prefix = pickle.name().substring(0, pickle.name().length() - "data.pkl".length());
        boolean bigEndian = false;
        ZipDirectory.Entry byteOrder = entries.get(prefix + "byteorder");
        if (byteOrder != null) {
            String order = StandardCharsets.US_ASCII.decode(bytesOf(file, channel, byteOrder)).toString().trim();
            if (!order.equals("little") && !order.equals("big")) {
                throw new PthFormatException(file, byteOrder.name(), 0, "unknown byte order '" + order + "'");
            }
            bigEndian = order.equals("big");
        }
        boolean storagesBigEndian = bigEndian;
        Map<String, StorageRef> storages = new HashMap<>();
        PickleMachine machine = new PickleMachine(file, pickle.name(), bytesOf(file, channel, pickle), (id, at) -> {
            StorageId storage = StorageId.parse(id, at);
            StorageRef known = storages.get(storage.key());
            if (known != null) {
                return known;
            }
            ZipDirectory.Entry record = entries.get(prefix + "data/" + storage.key());
            if (record == null) {
                throw at.error("storage " + storage.key() + " has no entry " + prefix + "data/" + storage.key());
            }
            if (record.size() < storage.byteCount()) {
                throw at.error("storage " + storage.key() + " needs " + storage.byteCount() + " bytes, its entry holds " + record.size());
            }
            Tensor bytes;
            try {
                bytes = switch (record.method()) {
                    case ZipDirectory.STORED -> StorageBytes.readStored(channel, record.dataOffset(), storage.byteCount(), file, record.name());
                    case ZipDirectory.DEFLATED -> StorageBytes.readDeflated(channel, record, storage.byteCount(), file);
                    default -> throw new PthFormatException(file, record.name(), 0, "unsupported zip compression method " + record.method());
                };
            } catch (PthFormatException e) {
                throw e;
            } catch (IOException e) {
                throw new PthFormatException(file, record.name(), 0, "cannot read storage: " + e.getMessage());
            }
            StorageRef ref = new StorageRef(StorageBytes.asElements(bytes, storage.type(), storagesBigEndian), storage.type(), storage.key());
            storages.put(storage.key(), ref);
            return ref;
        });
        return PickleObjects.freeze(machine.run());
    }

    private static ByteBuffer bytesOf(Path file, FileChannel channel, ZipDirectory.Entry entry) throws IOException {
        if (entry.size() > Integer.MAX_VALUE) {
            throw new PthFormatException(file, entry.name(), 0, "entry larger than 2 GiB where a small record was expected");
        }
        if (entry.method() == ZipDirectory.STORED) {
            return ZipDirectory.readAt(channel, entry.dataOffset(), (int) entry.size(), file);
        }
        if (entry.method() == ZipDirectory.DEFLATED) {
            Tensor bytes = StorageBytes.readDeflated(channel, entry, entry.size(), file);
            ByteBuffer copy = ByteBuffer.allocate((int) entry.size());
            copy.put(StorageBytes.window(StorageBytes.pointerTo(bytes), 0, (int) entry.size()));
            return copy.flip();
        }
        throw new PthFormatException(file, entry.name(), 0, "unsupported zip compression method " + entry.method());
    }
}
