package io.boxwork.engine.weights;

import org.bytedeco.pytorch.global.torch.ScalarType;

import java.util.Arrays;
import java.util.Optional;

/** The legacy storage classes torch.save names in a storage's persistent id, and their dtypes. */
enum StorageType {
    FLOAT("FloatStorage", ScalarType.Float, 4),
    DOUBLE("DoubleStorage", ScalarType.Double, 8),
    HALF("HalfStorage", ScalarType.Half, 2),
    BFLOAT16("BFloat16Storage", ScalarType.BFloat16, 2),
    LONG("LongStorage", ScalarType.Long, 8),
    INT("IntStorage", ScalarType.Int, 4),
    SHORT("ShortStorage", ScalarType.Short, 2),
    CHAR("CharStorage", ScalarType.Char, 1),
    BYTE("ByteStorage", ScalarType.Byte, 1),
    BOOL("BoolStorage", ScalarType.Bool, 1),
    // torch >= 2 pickles a bare untyped storage as bytes
    UNTYPED("UntypedStorage", ScalarType.Byte, 1);

    final String className;
    final ScalarType scalarType;
    final int elementSize;

    StorageType(String className, ScalarType scalarType, int elementSize) {
        this.className = className;
        this.scalarType = scalarType;
        this.elementSize = elementSize;
    }

    static Optional<StorageType> byClassName(String className) {
        return Arrays.stream(values()).filter(t -> t.className.equals(className)).findFirst();
    }

    static Optional<StorageType> byScalarType(ScalarType fromNative) {
        // enums handed back by native calls are copies: compare their canonical instance
        ScalarType scalarType = fromNative.intern();
        return Arrays.stream(values()).filter(t -> t != UNTYPED && t.scalarType == scalarType).findFirst();
    }
}
