package io.boxwork.engine.weights;

import org.bytedeco.pytorch.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code .pth} files in torch.save's zip format, so that {@code torch.load} (torch >= 1.6)
 * reads them and {@code model.load_state_dict} accepts the state dicts. Every write is atomic.
 */
public final class PthWriter {

    static final String ARCHIVE = "archive";
    // storages are written as they lie in memory: only little-endian hosts are supported
    private static final String BYTE_ORDER = "little";
    // the serialization format version torch.save writes in its "version" record
    private static final String FORMAT_VERSION = "3\n";
    private static final int CHUNK = 1 << 30;

    private PthWriter() {
    }

    /** Writes {@code stateDict} as an OrderedDict of tensors, like {@code torch.save(model.state_dict(), file)}. */
    public static void writeStateDict(Path file, StateDict stateDict) throws IOException {
        write(file, stateDict.toPthValue());
    }

    /**
     * Writes a checkpoint dict. Values may be {@link PthValue}s, {@link StateDict}s, tensors,
     * strings, booleans, whole or floating numbers, null, and maps / lists of these; see
     * {@link PthValues#of(Object)}.
     */
    public static void writeCheckpoint(Path file, Map<String, ?> checkpoint) throws IOException {
        write(file, PthValues.of(checkpoint));
    }

    public static void write(Path file, PthValue root) throws IOException {
        PickleEmitter emitter = new PickleEmitter();
        byte[] pickle = emitter.pickle(root);
        AtomicFile.write(file, channel -> {
            StoredZipWriter zip = new StoredZipWriter(channel);
            zip.add(ARCHIVE + "/data.pkl", pickle);
            zip.add(ARCHIVE + "/byteorder", BYTE_ORDER.getBytes(StandardCharsets.US_ASCII));
            List<Tensor> storages = emitter.storages();
            for (int key = 0; key < storages.size(); key++) {
                zip.add(ARCHIVE + "/data/" + key, bytesOf(storages.get(key)));
            }
            zip.add(ARCHIVE + "/version", FORMAT_VERSION.getBytes(StandardCharsets.US_ASCII));
            zip.finish();
        });
    }

    private static List<ByteBuffer> bytesOf(Tensor contiguous) {
        long byteCount = contiguous.numel() * contiguous.element_size();
        List<ByteBuffer> parts = new ArrayList<>();
        if (byteCount == 0) {
            return parts;
        }
        var memory = StorageBytes.pointerTo(contiguous);
        for (long done = 0; done < byteCount; done += CHUNK) {
            parts.add(StorageBytes.window(memory, done, (int) Math.min(CHUNK, byteCount - done)));
        }
        return parts;
    }

}
