package io.boxwork.engine.weights;

import io.boxwork.engine.weights.PickleObjects.GlobalRef;
import io.boxwork.engine.weights.PickleObjects.PyDict;
import io.boxwork.engine.weights.PickleObjects.PyList;
import io.boxwork.engine.weights.PickleObjects.PyTuple;

import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pickle interpreter for the opcodes {@code torch.save} emits (protocol 2, plus the few
 * protocol 4 ones newer Pythons use for the same objects). It never imports or runs Python
 * code: GLOBAL only names a callable, and {@link TorchCalls} decides what REDUCE builds.
 */
final class PickleMachine {

    /** Resolves BINPERSID: torch stores a tuple naming the storage of each tensor. */
    interface PersistentLoader {
        Object load(PyTuple persistentId, PickleMachine at) throws PthFormatException;
    }

    private final Path file;
    private final String part;
    private final ByteBuffer in;
    private final PersistentLoader persistentLoader;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private long opcodeOffset;
    private int opcode;

    PickleMachine(Path file, String part, ByteBuffer in, PersistentLoader persistentLoader) {
        this.file = file;
        this.part = part;
        this.in = in.order(ByteOrder.LITTLE_ENDIAN);
        this.persistentLoader = persistentLoader;
    }

    /** Runs one pickle from the buffer's position to its STOP; the buffer is left after the STOP. */
    Object run() throws PthFormatException {
        try {
            while (true) {
                opcodeOffset = in.position();
                opcode = in.get() & 0xFF;
                if (opcode == '.') {
                    if (stack.size() != 1 || !marks.isEmpty()) {
                        throw error("STOP with " + stack.size() + " values and " + marks.size() + " open marks");
                    }
                    return stack.get(0);
                }
                step();
            }
        } catch (BufferUnderflowException e) {
            throw error("truncated: the pickle ends inside opcode " + opcodeName());
        }
    }

    PthFormatException error(String problem) {
        return new PthFormatException(file, part, opcodeOffset, problem);
    }

    private String opcodeName() {
        return String.format("0x%02x '%s'", opcode, opcode >= 32 && opcode < 127 ? (char) opcode : '?');
    }

    private void step() throws PthFormatException {
        switch (opcode) {
            case 0x80 -> { // PROTO
                int protocol = in.get() & 0xFF;
                if (protocol > 5) {
                    throw error("pickle protocol " + protocol + " is newer than 5");
                }
            }
            case 0x95 -> in.getLong(); // FRAME: framing only matters to streaming readers
            case '(' -> marks.add(stack.size());
            case '0' -> pop();
            case '1' -> popMark();
            case '2' -> push(peek());
            case '}' -> push(new PyDict(false));
            case ']' -> push(new PyList());
            case ')' -> push(new PyTuple(List.of()));
            case 'd' -> push(dictOf(popMark()));
            case 'l' -> {
                PyList list = new PyList();
                list.items.addAll(popMark());
                push(list);
            }
            case 't' -> push(new PyTuple(popMark()));
            case 0x85 -> push(new PyTuple(popN(1)));
            case 0x86 -> push(new PyTuple(popN(2)));
            case 0x87 -> push(new PyTuple(popN(3)));
            case 'a' -> {
                Object item = pop();
                list(peek()).items.add(item);
            }
            case 'e' -> {
                List<Object> items = popMark();
                list(peek()).items.addAll(items);
            }
            case 's' -> {
                Object value = pop();
                Object key = pop();
                dict(peek()).entries.put(key, value);
            }
            case 'u' -> {
                List<Object> items = popMark();
                PyDict dict = dict(peek());
                if (items.size() % 2 != 0) {
                    throw error("SETITEMS with an odd number of values");
                }
                for (int i = 0; i < items.size(); i += 2) {
                    dict.entries.put(items.get(i), items.get(i + 1));
                }
            }
            case 'J' -> push(new PthValue.Int(in.getInt()));
            case 'K' -> push(new PthValue.Int(in.get() & 0xFF));
            case 'M' -> push(new PthValue.Int(in.getShort() & 0xFFFF));
            case 0x8a -> push(longOf(in.get() & 0xFF));
            case 0x8b -> push(longOf(length(in.getInt())));
            case 'G' -> push(new PthValue.Float(Double.longBitsToDouble(Long.reverseBytes(in.getLong())))); // big-endian
            case 'X' -> push(new PthValue.Str(utf8(length(in.getInt()))));
            case 0x8c -> push(new PthValue.Str(utf8(in.get() & 0xFF)));
            case 0x8d -> push(new PthValue.Str(utf8(length(in.getLong()))));
            case 'U' -> push(new PthValue.Str(latin1(in.get() & 0xFF)));
            case 'T' -> push(new PthValue.Str(latin1(length(in.getInt()))));
            case 0x88 -> push(new PthValue.Bool(true));
            case 0x89 -> push(new PthValue.Bool(false));
            case 'N' -> push(PthValue.None.INSTANCE);
            case 'q' -> memo.put((long) (in.get() & 0xFF), peek());
            case 'r' -> memo.put(in.getInt() & 0xFFFFFFFFL, peek());
            case 0x94 -> memo.put((long) memo.size(), peek());
            case 'h' -> push(memoGet(in.get() & 0xFF));
            case 'j' -> push(memoGet(in.getInt() & 0xFFFFFFFFL));
            case 'c' -> push(new GlobalRef(line(), line()));
            case 0x93 -> {
                Object name = pop();
                Object module = pop();
                push(new GlobalRef(string(module), string(name)));
            }
            case 'R' -> {
                Object args = pop();
                Object callable = pop();
                if (!(callable instanceof GlobalRef global) || !(args instanceof PyTuple tuple)) {
                    throw error("REDUCE expects a global and a tuple, found " + describe(callable) + " and " + describe(args));
                }
                push(TorchCalls.call(global, tuple, this));
            }
            case 0x81 -> { // NEWOBJ: cls.__new__(cls, *args) of a class we do not rebuild
                pop();
                Object cls = pop();
                push(new PthValue.Opaque(cls instanceof GlobalRef g ? g.qualifiedName() : describe(cls)));
            }
            case 'b' -> {
                // BUILD sets state: OrderedDict._metadata, a Parameter's __dict__, an opaque
                // object's fields. None of it changes the tensors, so it is read and dropped.
                pop();
                peek();
            }
            case 'Q' -> {
                Object id = pop();
                if (!(id instanceof PyTuple tuple)) {
                    throw error("BINPERSID expects a tuple, found " + describe(id));
                }
                push(persistentLoader.load(tuple, this));
            }
            default -> throw error("unsupported pickle opcode " + opcodeName());
        }
    }

    private PthValue.Int longOf(int byteCount) throws PthFormatException {
        if (byteCount == 0) {
            return new PthValue.Int(0);
        }
        byte[] littleEndian = new byte[byteCount];
        in.get(littleEndian);
        byte[] bigEndian = new byte[byteCount];
        for (int i = 0; i < byteCount; i++) {
            bigEndian[i] = littleEndian[byteCount - 1 - i];
        }
        BigInteger value = new BigInteger(bigEndian);
        if (value.bitLength() > 63) {
            throw error("integer " + value + " does not fit in 64 bits");
        }
        return new PthValue.Int(value.longValue());
    }

    private int length(long declared) throws PthFormatException {
        if (declared < 0 || declared > in.remaining()) {
            throw error("truncated: a length of " + declared + " bytes runs past the end (" + in.remaining() + " left)");
        }
        return (int) declared;
    }

    private String utf8(int byteCount) {
        byte[] bytes = new byte[byteCount];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String latin1(int byteCount) {
        byte[] bytes = new byte[byteCount];
        in.get(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private String line() throws PthFormatException {
        StringBuilder text = new StringBuilder();
        while (true) {
            byte b = in.get();
            if (b == '\n') {
                return text.toString();
            }
            if (text.length() > 256) {
                throw error("GLOBAL name longer than 256 characters");
            }
            text.append((char) (b & 0xFF));
        }
    }

    private Object memoGet(long index) throws PthFormatException {
        Object value = memo.get(index);
        if (value == null) {
            throw error("memo slot " + index + " read before it was written");
        }
        return value;
    }

    private PyDict dictOf(List<Object> items) throws PthFormatException {
        if (items.size() % 2 != 0) {
            throw error("DICT with an odd number of values");
        }
        PyDict dict = new PyDict(false);
        for (int i = 0; i < items.size(); i += 2) {
            dict.entries.put(items.get(i), items.get(i + 1));
        }
        return dict;
    }

    private PyDict dict(Object value) throws PthFormatException {
        if (value instanceof PyDict dict) {
            return dict;
        }
        throw error("expected a dict to set items on, found " + describe(value));
    }

    private PyList list(Object value) throws PthFormatException {
        if (value instanceof PyList list) {
            return list;
        }
        throw error("expected a list to append to, found " + describe(value));
    }

    String string(Object value) throws PthFormatException {
        if (value instanceof PthValue.Str s) {
            return s.value();
        }
        throw error("expected a string, found " + describe(value));
    }

    static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof PthValue v) {
            return v.toString();
        }
        return value.getClass().getSimpleName();
    }

    private void push(Object value) {
        stack.add(value);
    }

    private Object peek() throws PthFormatException {
        if (stack.isEmpty() || (!marks.isEmpty() && marks.get(marks.size() - 1) == stack.size())) {
            throw error("stack underflow at opcode " + opcodeName());
        }
        return stack.get(stack.size() - 1);
    }

    private Object pop() throws PthFormatException {
        Object value = peek();
        stack.remove(stack.size() - 1);
        return value;
    }

    private List<Object> popN(int count) throws PthFormatException {
        Object[] values = new Object[count];
        for (int i = count - 1; i >= 0; i--) {
            values[i] = pop();
        }
        return List.of(values);
    }

    private List<Object> popMark() throws PthFormatException {
        if (marks.isEmpty()) {
            throw error("opcode " + opcodeName() + " without a MARK");
        }
        int mark = marks.remove(marks.size() - 1);
        List<Object> top = stack.subList(mark, stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        return items;
    }
}
