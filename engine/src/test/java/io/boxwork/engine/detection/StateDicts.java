package io.boxwork.engine.detection;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.StringTensorDict;
import org.bytedeco.pytorch.StringVector;
import org.bytedeco.pytorch.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helper: copies a torchvision state dict into a module by name, and fails on any key that does not line up. */
final class StateDicts {

    private StateDicts() {
    }

    /** Every parameter and buffer name of {@code module}, each prefixed by {@code prefix}. */
    static List<String> keys(Module module, String prefix) {
        List<String> keys = new ArrayList<>();
        for (StringTensorDict dict : List.of(module.named_parameters(true), module.named_buffers(true))) {
            StringVector names = dict.keys();
            for (long i = 0; i < names.size(); i++) {
                BytePointer name = names.get(i);
                keys.add(prefix + name.getString());
            }
        }
        return keys;
    }

    /** Copies {@code prefix + name} from {@code stateDict} into every parameter and buffer of {@code module}. */
    static void load(Module module, String prefix, Map<String, Tensor> stateDict) {
        try (NoGradGuard ignored = new NoGradGuard()) {
            for (StringTensorDict dict : List.of(module.named_parameters(true), module.named_buffers(true))) {
                StringVector names = dict.keys();
                for (long i = 0; i < names.size(); i++) {
                    String name = names.get(i).getString();
                    Tensor source = stateDict.get(prefix + name);
                    if (source == null) {
                        throw new IllegalArgumentException("State dict has no " + prefix + name);
                    }
                    Tensor target = dict.get(name);
                    if (!java.util.Arrays.equals(Tensors.shape(target), Tensors.shape(source))) {
                        throw new IllegalArgumentException(prefix + name + " has shape "
                                + java.util.Arrays.toString(Tensors.shape(source)) + " in the state dict but "
                                + java.util.Arrays.toString(Tensors.shape(target)) + " in the module");
                    }
                    target.copy_(source.to(target.scalar_type()));
                }
            }
        }
    }
}
