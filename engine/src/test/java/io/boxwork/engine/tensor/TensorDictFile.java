package io.boxwork.engine.tensor;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.ByteVector;
import org.bytedeco.pytorch.GenericDict;
import org.bytedeco.pytorch.GenericDictIterator;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a file written by Python's {@code torch.save(dict_of_tensors)} with LibTorch's
 * {@code pickle_load} (which refuses an {@code OrderedDict}, hence the plain dict).
 */
public final class TensorDictFile {

    private TensorDictFile() {
    }

    /** The tensors by key, in the file's order. */
    public static Map<String, Tensor> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        IValue value = torch.pickle_load(toByteVector(bytes));
        if (!value.isGenericDict()) {
            throw new IOException(file + " does not hold a dict");
        }
        GenericDict dict = value.toGenericDict();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (GenericDictIterator it = dict.begin(); !it.equals(dict.end()); it.increment()) {
            IValue key = it.access().key();
            IValue entry = it.access().value();
            if (!key.isString() || !entry.isTensor()) {
                throw new IOException(file + " holds an entry that is not string -> tensor");
            }
            // toTensor() points into the dict, which is freed when collected: keep an own handle.
            tensors.put(key.toStringRef().getString(), new Tensor(entry.toTensor()));
        }
        Reference.reachabilityFence(value);
        return tensors;
    }

    /**
     * {@code new ByteVector(byte[])} makes one JNI call per byte (10 s for 100 MB), so the bytes go
     * in with one bulk copy into the vector's storage, found through libstdc++'s layout (the first
     * field of a {@code std::vector} is its data pointer); the ends are checked to catch a surprise.
     */
    private static ByteVector toByteVector(byte[] bytes) {
        ByteVector vector = new ByteVector(bytes.length);
        if (bytes.length == 0) {
            return vector;
        }
        long data = new LongPointer(vector).get(0);
        new VectorStorage(data, bytes.length).put(bytes, 0, bytes.length);
        if (vector.get(0) != bytes[0] || vector.get(bytes.length - 1) != bytes[bytes.length - 1]) {
            throw new IllegalStateException("std::vector<char> does not have the expected layout");
        }
        return vector;
    }

    /** A view of native memory owned by someone else: never freed through this object. */
    private static final class VectorStorage extends BytePointer {
        VectorStorage(long address, long size) {
            super((Pointer) null);
            this.address = address;
            this.limit = size;
            this.capacity = size;
        }
    }
}
