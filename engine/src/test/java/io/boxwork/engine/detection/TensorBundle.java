package io.boxwork.engine.detection;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.bytedeco.pytorch.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tensors written by {@code heads_fixtures.py}: a JSON index and a little-endian data file. */
record TensorBundle(Map<String, Tensor> tensors, JsonObject meta) {

    static TensorBundle read(Path dir, String name) throws IOException {
        Path indexFile = dir.resolve(name + ".json");
        JsonObject index = JsonParser.parseString(Files.readString(indexFile)).getAsJsonObject();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        try (FileChannel ch = FileChannel.open(dir.resolve(name + ".bin"), StandardOpenOption.READ)) {
            ByteBuffer all = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
            for (JsonElement e : index.getAsJsonArray("tensors")) {
                JsonObject t = e.getAsJsonObject();
                List<Long> dims = new ArrayList<>();
                t.getAsJsonArray("shape").forEach(d -> dims.add(d.getAsLong()));
                long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
                long count = 1;
                for (long d : shape) {
                    count *= d;
                }
                ByteBuffer slice = all.duplicate().order(ByteOrder.LITTLE_ENDIAN);
                slice.position((int) t.get("offset").getAsLong());
                String dtype = t.get("dtype").getAsString();
                Tensor tensor;
                if (dtype.equals("float32")) {
                    float[] data = new float[(int) count];
                    slice.asFloatBuffer().get(data);
                    tensor = Tensor.create(data, shape);
                } else if (dtype.equals("int64")) {
                    long[] data = new long[(int) count];
                    slice.asLongBuffer().get(data);
                    tensor = Tensor.create(data, shape);
                } else {
                    throw new IOException(indexFile + ": tensor " + t.get("name") + " has unknown dtype " + dtype);
                }
                tensors.put(t.get("name").getAsString(), tensor);
            }
        }
        return new TensorBundle(tensors, index.getAsJsonObject("meta"));
    }

    Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("Fixture has no tensor " + name + "; it has " + tensors.keySet());
        }
        return t;
    }

    List<long[]> imageSizes() {
        List<long[]> sizes = new ArrayList<>();
        for (JsonElement e : meta.getAsJsonArray("image_sizes")) {
            sizes.add(new long[]{e.getAsJsonArray().get(0).getAsLong(), e.getAsJsonArray().get(1).getAsLong()});
        }
        return sizes;
    }
}
