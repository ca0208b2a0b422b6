package io.boxwork.engine.weights;

import io.boxwork.engine.weights.PickleObjects.GlobalRef;
import io.boxwork.engine.weights.PickleObjects.PyTuple;

/**
 * A storage's persistent id as torch.save pickles it:
 * {@code ('storage', torch.FloatStorage, key, location, numel)}, with a sixth item (view
 * metadata, always None since torch 1.0) in the legacy format.
 */
record StorageId(StorageType type, String key, String location, long elementCount) {

    static StorageId parse(PyTuple id, PickleMachine at) throws PthFormatException {
        if (id.size() < 5 || !(id.get(0) instanceof PthValue.Str tag) || !tag.value().equals("storage")) {
            throw at.error("persistent id is not a ('storage', type, key, location, numel) tuple: "
                    + id.items().stream().map(PickleMachine::describe).toList());
        }
        if (!(id.get(1) instanceof GlobalRef storageClass)) {
            throw at.error("storage type is not a class: " + PickleMachine.describe(id.get(1)));
        }
        StorageType type = StorageType.byClassName(storageClass.name())
                .filter(t -> storageClass.module().equals("torch") || storageClass.module().equals("torch.storage"))
                .orElseThrow(() -> at.error("unsupported storage type " + storageClass.qualifiedName()));
        if (!(id.get(4) instanceof PthValue.Int count) || count.value() < 0) {
            throw at.error("storage element count is not a non-negative int: " + PickleMachine.describe(id.get(4)));
        }
        if (id.size() > 5 && !(id.get(5) instanceof PthValue.None)) {
            throw at.error("storage views (pre-1.0 view metadata) are not supported");
        }
        return new StorageId(type, at.string(id.get(2)), at.string(id.get(3)), count.value());
    }

    long byteCount() {
        return elementCount * type.elementSize;
    }
}
