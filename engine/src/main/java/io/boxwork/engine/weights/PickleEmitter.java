package io.boxwork.engine.weights;

import org.bytedeco.pytorch.Tensor;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link PthValue} as the protocol 2 pickle torch.save would, collecting each tensor's
 * elements as one storage (key = its index) for the archive's {@code data/} entries. Every
 * tensor gets its own contiguous storage: Python reads identical values, and a view never
 * drags a large shared storage along with it.
 */
final class PickleEmitter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Tensor> storages = new ArrayList<>();

    /** Storages in key order, contiguous CPU tensors whose bytes are the records' contents. */
    List<Tensor> storages() {
        return storages;
    }

    byte[] pickle(PthValue root) {
        op(0x80);
        op(2);
        emit(root);
        op('.');
        return out.toByteArray();
    }

    private void emit(PthValue value) {
        if (value instanceof PthValue.Dict dict) {
            emitDict(dict);
        } else if (value instanceof PthValue.ListValue list) {
            op(']');
            if (!list.items().isEmpty()) {
                op('(');
                list.items().forEach(this::emit);
                op('e');
            }
        } else if (value instanceof PthValue.TupleValue tuple) {
            emitTuple(tuple.items());
        } else if (value instanceof PthValue.Int i) {
            emitInt(i.value());
        } else if (value instanceof PthValue.Float f) {
            op('G');
            long bits = Double.doubleToRawLongBits(f.value());
            for (int shift = 56; shift >= 0; shift -= 8) {
                op((int) (bits >>> shift));
            }
        } else if (value instanceof PthValue.Str s) {
            emitString(s.value());
        } else if (value instanceof PthValue.Bool b) {
            op(b.value() ? 0x88 : 0x89);
        } else if (value instanceof PthValue.None) {
            op('N');
        } else if (value instanceof PthValue.Device device) {
            global("torch", "device");
            emitString(device.name());
            op(0x85);
            op('R');
        } else if (value instanceof PthValue.TensorValue tensor) {
            emitTensor(tensor);
        } else if (value instanceof PthValue.Opaque opaque) {
            throw new IllegalArgumentException(
                    "cannot write an object of Python class " + opaque.type() + ": its contents were not read");
        }
    }

    private void emitDict(PthValue.Dict dict) {
        if (dict.ordered()) {
            global("collections", "OrderedDict");
            op(')');
            op('R');
        } else {
            op('}');
        }
        if (!dict.entries().isEmpty()) {
            op('(');
            for (Map.Entry<PthValue, PthValue> entry : dict.entries().entrySet()) {
                emit(entry.getKey());
                emit(entry.getValue());
            }
            op('u');
        }
    }

    private void emitTuple(List<PthValue> items) {
        switch (items.size()) {
            case 0 -> op(')');
            case 1, 2, 3 -> {
                items.forEach(this::emit);
                op(0x84 + items.size());
            }
            default -> {
                op('(');
                items.forEach(this::emit);
                op('t');
            }
        }
    }

    private void emitTensor(PthValue.TensorValue value) {
        Tensor source = value.tensor().is_cpu() ? value.tensor() : value.tensor().cpu();
        StorageType type = StorageType.byScalarType(source.scalar_type()).orElseThrow(() ->
                new IllegalArgumentException("cannot write a tensor of dtype " + source.scalar_type()));
        Tensor elements = source.contiguous();
        long[] size = elements.sizes().vec().get();
        long[] stride = new long[size.length];
        long step = 1;
        for (int i = size.length - 1; i >= 0; i--) {
            stride[i] = step;
            step *= Math.max(size[i], 1);
        }
        String key = Integer.toString(storages.size());
        storages.add(elements);

        if (value.parameter()) {
            global("torch._utils", "_rebuild_parameter");
        }
        global("torch._utils", "_rebuild_tensor_v2");
        op('(');
        op('(');
        emitString("storage");
        global("torch", type.className);
        emitString(key);
        emitString("cpu");
        emitInt(elements.numel());
        op('t');
        op('Q');
        emitInt(0);
        emitLongs(size);
        emitLongs(stride);
        op(value.requiresGrad() && !value.parameter() ? 0x88 : 0x89);
        emptyOrderedDict();
        op('t');
        op('R');
        if (value.parameter()) {
            op(value.requiresGrad() ? 0x88 : 0x89);
            emptyOrderedDict();
            op(0x87);
            op('R');
        }
    }

    private void emptyOrderedDict() {
        // backward hooks: torch.save always pickles an empty OrderedDict here
        global("collections", "OrderedDict");
        op(')');
        op('R');
    }

    private void emitLongs(long[] values) {
        List<PthValue> items = new ArrayList<>();
        for (long v : values) {
            items.add(new PthValue.Int(v));
        }
        emitTuple(items);
    }

    private void emitInt(long value) {
        if (value >= 0 && value < 256) {
            op('K');
            op((int) value);
        } else if (value >= 0 && value < 65536) {
            op('M');
            op((int) value);
            op((int) (value >> 8));
        } else if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            op('J');
            littleEndian(value, 4);
        } else {
            // LONG1: minimal two's complement, little-endian
            int length = 8;
            while (length > 1 && (value >> (8 * (length - 1) - 1)) == (value >> 63)) {
                length--;
            }
            op(0x8a);
            op(length);
            littleEndian(value, length);
        }
    }

    private void emitString(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        op('X');
        littleEndian(bytes.length, 4);
        out.writeBytes(bytes);
    }

    private void global(String module, String name) {
        op('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private void littleEndian(long value, int byteCount) {
        for (int i = 0; i < byteCount; i++) {
            op((int) (value >> (8 * i)));
        }
    }

    private void op(int b) {
        out.write(b & 0xFF);
    }
}
