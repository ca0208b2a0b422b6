package io.boxwork.engine.weights;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.bytedeco.pytorch.Tensor;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

/** Compares what Java read against the reference the fixture script dumped from Python. */
final class TensorReference {

    private static final Map<String, String> PYTHON_DTYPES = Map.of(
            "Float", "float32", "Double", "float64", "Half", "float16", "BFloat16", "bfloat16", "Long", "int64",
            "Int", "int32", "Short", "int16", "Char", "int8", "Byte", "uint8", "Bool", "bool");

    private TensorReference() {
    }

    /** SHA-256 of the values laid out contiguously, as the Python script hashes them. */
    static String sha256(Tensor tensor) {
        Tensor flat = tensor.reshape(-1).contiguous();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (flat.nbytes() > 0) {
                digest.update(StorageBytes.window(StorageBytes.pointerTo(flat), 0, (int) flat.nbytes()));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    static String pythonDtype(Tensor tensor) {
        return PYTHON_DTYPES.getOrDefault(tensor.scalar_type().intern().name(), tensor.scalar_type().intern().name());
    }

    static void assertTensor(JsonObject expected, PthValue.TensorValue actual, String where) {
        Tensor tensor = actual.tensor();
        assertEquals(expected.get("dtype").getAsString(), pythonDtype(tensor), where + " dtype");
        assertEquals(Arrays.toString(longs(expected.getAsJsonArray("shape"))), Arrays.toString(tensor.sizes().vec().get()), where + " shape");
        assertEquals(Arrays.toString(longs(expected.getAsJsonArray("stride"))), Arrays.toString(tensor.strides().vec().get()), where + " stride");
        assertEquals(expected.get("offset").getAsLong(), tensor.storage_offset(), where + " storage offset");
        assertEquals(expected.get("sha256").getAsString(), sha256(tensor), where + " values");
        assertEquals(expected.get("is_parameter").getAsBoolean(), actual.parameter(), where + " is a Parameter");
        assertEquals(expected.get("requires_grad").getAsBoolean(), actual.requiresGrad(), where + " requires grad");
    }

    /** Walks the reference tree ({"dict": [[k, v]...]}, {"tensor": {...}}, ...) beside the value. */
    static void assertTree(JsonElement expected, PthValue actual, String where) {
        JsonObject node = expected.getAsJsonObject();
        String kind = node.keySet().stream().filter(k -> !k.equals("ordered")).findFirst().orElseThrow();
        switch (kind) {
            case "dict" -> {
                PthValue.Dict dict = assertInstanceOf(PthValue.Dict.class, actual, where);
                assertEquals(node.get("ordered").getAsBoolean(), dict.ordered(), where + " is an OrderedDict");
                JsonArray entries = node.getAsJsonArray("dict");
                assertEquals(entries.size(), dict.entries().size(), where + " entry count");
                var actualEntries = dict.entries().entrySet().iterator();
                for (JsonElement entry : entries) {
                    var next = actualEntries.next();
                    assertTree(entry.getAsJsonArray().get(0), next.getKey(), where + " key");
                    assertTree(entry.getAsJsonArray().get(1), next.getValue(), where + "[" + next.getKey() + "]");
                }
            }
            case "list", "tuple" -> {
                var items = kind.equals("list")
                        ? assertInstanceOf(PthValue.ListValue.class, actual, where).items()
                        : assertInstanceOf(PthValue.TupleValue.class, actual, where).items();
                JsonArray expectedItems = node.getAsJsonArray(kind);
                assertEquals(expectedItems.size(), items.size(), where + " length");
                for (int i = 0; i < items.size(); i++) {
                    assertTree(expectedItems.get(i), items.get(i), where + "[" + i + "]");
                }
            }
            case "tensor" -> assertTensor(node.getAsJsonObject("tensor"), assertInstanceOf(PthValue.TensorValue.class, actual, where), where);
            case "int" -> assertEquals(new PthValue.Int(Long.parseLong(node.get("int").getAsString())), actual, where);
            case "float" -> assertEquals(new PthValue.Float(node.get("float").getAsDouble()), actual, where);
            case "str" -> assertEquals(new PthValue.Str(node.get("str").getAsString()), actual, where);
            case "bool" -> assertEquals(new PthValue.Bool(node.get("bool").getAsBoolean()), actual, where);
            case "none" -> assertEquals(PthValue.None.INSTANCE, actual, where);
            default -> fail("unknown reference kind " + kind + " at " + where);
        }
    }

    private static long[] longs(JsonArray array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).getAsLong();
        }
        return values;
    }
}
