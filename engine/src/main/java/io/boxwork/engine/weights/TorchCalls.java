package io.boxwork.engine.weights;

import io.boxwork.engine.weights.PickleObjects.GlobalRef;
import io.boxwork.engine.weights.PickleObjects.PyDict;
import io.boxwork.engine.weights.PickleObjects.PyTuple;
import io.boxwork.engine.weights.PickleObjects.StorageRef;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Tensor;

/**
 * What REDUCE builds for the globals torch.save emits. Only these are rebuilt; any other class
 * becomes an {@link PthValue.Opaque} placeholder, so no code named by the file ever runs.
 */
final class TorchCalls {

    private TorchCalls() {
    }

    static Object call(GlobalRef global, PyTuple args, PickleMachine at) throws PthFormatException {
        return switch (global.qualifiedName()) {
            case "collections.OrderedDict" -> orderedDict(args, at);
            case "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor" -> rebuildTensor(args, at);
            case "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state" -> {
                PthValue.TensorValue data = tensorArg(args, 0, at);
                yield new PthValue.TensorValue(data.tensor(), boolArg(args, 1, at), true);
            }
            case "torch._tensor._rebuild_from_type_v2" -> {
                // (func, type, args, state): a plain tensor wrapped to carry Python attributes
                if (args.size() < 3 || !(args.get(0) instanceof GlobalRef inner) || !(args.get(2) instanceof PyTuple innerArgs)) {
                    throw at.error("_rebuild_from_type_v2 expects (function, type, args, state)");
                }
                yield call(inner, innerArgs, at);
            }
            case "torch.device" -> device(args, at);
            case "torch.Size" -> args.size() == 1 && args.get(0) instanceof PyTuple sizes ? sizes : args;
            default -> new PthValue.Opaque(global.qualifiedName());
        };
    }

    private static PyDict orderedDict(PyTuple args, PickleMachine at) throws PthFormatException {
        if (args.size() != 0) {
            throw at.error("OrderedDict built from arguments is not a torch.save layout");
        }
        return new PyDict(true);
    }

    private static PthValue.Device device(PyTuple args, PickleMachine at) throws PthFormatException {
        if (args.size() == 0) {
            throw at.error("torch.device without a name");
        }
        String name = at.string(args.get(0));
        if (args.size() > 1 && args.get(1) instanceof PthValue.Int index) {
            name = name + ":" + index.value();
        }
        return new PthValue.Device(name);
    }

    private static PthValue.TensorValue rebuildTensor(PyTuple args, PickleMachine at) throws PthFormatException {
        if (args.size() < 4 || !(args.get(0) instanceof StorageRef storage)) {
            throw at.error("_rebuild_tensor_v2 expects (storage, offset, size, stride, ...), found "
                    + args.items().stream().map(PickleMachine::describe).toList());
        }
        long offset = intArg(args, 1, at);
        long[] size = longs(args.get(2), "size", at);
        long[] stride = longs(args.get(3), "stride", at);
        if (size.length != stride.length) {
            throw at.error("tensor has " + size.length + " sizes but " + stride.length + " strides");
        }
        long storageElements = storage.elements().numel();
        if (offset < 0) {
            throw at.error("negative storage offset " + offset + " into storage " + storage.key());
        }
        long last = offset;
        boolean empty = false;
        for (int i = 0; i < size.length; i++) {
            if (size[i] < 0 || stride[i] < 0) {
                throw at.error("negative size or stride in tensor of storage " + storage.key());
            }
            empty |= size[i] == 0;
            last += (size[i] - 1) * stride[i];
        }
        if (!empty && last >= storageElements) {
            throw at.error("tensor view reaches element " + last + " of storage " + storage.key()
                    + " which holds " + storageElements);
        }
        Tensor view = storage.elements().as_strided(size, stride, new LongOptional(offset));
        boolean requiresGrad = args.size() > 4 && args.get(4) instanceof PthValue.Bool b && b.value();
        return new PthValue.TensorValue(view, requiresGrad, false);
    }

    private static PthValue.TensorValue tensorArg(PyTuple args, int index, PickleMachine at) throws PthFormatException {
        if (args.size() > index && args.get(index) instanceof PthValue.TensorValue tensor) {
            return tensor;
        }
        throw at.error("expected a tensor as argument " + index);
    }

    private static boolean boolArg(PyTuple args, int index, PickleMachine at) throws PthFormatException {
        if (args.size() > index && args.get(index) instanceof PthValue.Bool b) {
            return b.value();
        }
        throw at.error("expected a bool as argument " + index);
    }

    private static long intArg(PyTuple args, int index, PickleMachine at) throws PthFormatException {
        if (args.size() > index && args.get(index) instanceof PthValue.Int i) {
            return i.value();
        }
        throw at.error("expected an int as argument " + index);
    }

    private static long[] longs(Object value, String what, PickleMachine at) throws PthFormatException {
        if (!(value instanceof PyTuple tuple)) {
            throw at.error("tensor " + what + " is not a tuple: " + PickleMachine.describe(value));
        }
        long[] result = new long[tuple.size()];
        for (int i = 0; i < result.length; i++) {
            if (!(tuple.get(i) instanceof PthValue.Int n)) {
                throw at.error("tensor " + what + " holds a non-integer: " + PickleMachine.describe(tuple.get(i)));
            }
            result[i] = n.value();
        }
        return result;
    }
}
