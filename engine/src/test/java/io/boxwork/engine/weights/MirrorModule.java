package io.boxwork.engine.weights;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A module tree with the same parameter and buffer names, shapes and dtypes as a torchvision
 * model, built from the fixture script's reference and filled with zeros: a stand-in for the
 * real network when what is tested is loading by name.
 */
final class MirrorModule {

    private static final Set<String> BUFFERS = Set.of("running_mean", "running_var", "num_batches_tracked");
    private static final Map<String, ScalarType> DTYPES = Map.of(
            "float32", ScalarType.Float, "int64", ScalarType.Long, "float64", ScalarType.Double);

    private MirrorModule() {
    }

    static Module of(JsonElement stateDictReference) {
        Module root = new Module();
        Map<String, Module> modules = new HashMap<>();
        modules.put("", root);
        for (JsonElement entry : stateDictReference.getAsJsonObject().getAsJsonArray("dict")) {
            String key = entry.getAsJsonArray().get(0).getAsJsonObject().get("str").getAsString();
            JsonObject tensor = entry.getAsJsonArray().get(1).getAsJsonObject().getAsJsonObject("tensor");
            int dot = key.lastIndexOf('.');
            Module owner = module(modules, dot < 0 ? "" : key.substring(0, dot));
            String name = key.substring(dot + 1);
            JsonArray shape = tensor.getAsJsonArray("shape");
            long[] sizes = new long[shape.size()];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = shape.get(i).getAsLong();
            }
            var zeros = torch.zeros(sizes, new TensorOptions(DTYPES.get(tensor.get("dtype").getAsString())));
            if (BUFFERS.contains(name)) {
                owner.register_buffer(name, zeros);
            } else {
                owner.register_parameter(name, zeros);
            }
        }
        return root;
    }

    private static Module module(Map<String, Module> modules, String path) {
        Module known = modules.get(path);
        if (known != null) {
            return known;
        }
        int dot = path.lastIndexOf('.');
        Module parent = module(modules, dot < 0 ? "" : path.substring(0, dot));
        Module child = parent.register_module(path.substring(dot + 1), new Module());
        modules.put(path, child);
        return child;
    }

}
