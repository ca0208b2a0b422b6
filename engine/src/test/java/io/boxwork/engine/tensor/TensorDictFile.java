package io.boxwork.engine.tensor;

import org.bytedeco.pytorch.ByteVector;
import org.bytedeco.pytorch.GenericDict;
import org.bytedeco.pytorch.GenericDictIterator;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.io.IOException;
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
        IValue value = torch.pickle_load(new ByteVector(bytes));
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
            tensors.put(key.toStringRef().getString(), entry.toTensor());
        }
        return tensors;
    }
}
