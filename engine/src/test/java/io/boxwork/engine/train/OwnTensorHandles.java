package io.boxwork.engine.train;

import org.bytedeco.pytorch.Tensor;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every tensor a Boxwork object holds in a Java field, found by walking the object graph from a
 * root: the handles that {@code Module.to} only reaches if they are the very tensors the module
 * registered (BatchNorm's weight, ...), or that the code must move by hand.
 */
final class OwnTensorHandles {
    private OwnTensorHandles() {
    }

    /** By path from the root, e.g. {@code model.backbone.body.bn1.weight}. */
    static Map<String, Tensor> of(Object root) {
        Map<String, Tensor> found = new LinkedHashMap<>();
        walk(root, "model", found, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    private static void walk(Object o, String path, Map<String, Tensor> found, Set<Object> seen) {
        if (o == null || !seen.add(o)) return;
        if (o instanceof Tensor t) {
            found.put(path, t);
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) walk(e, path + "[" + i++ + "]", found, seen);
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "[" + k + "]", found, seen));
            return;
        }
        if (o.getClass().isArray() && !o.getClass().getComponentType().isPrimitive()) {
            for (int i = 0; i < Array.getLength(o); i++) walk(Array.get(o, i), path + "[" + i + "]", found, seen);
            return;
        }
        // LibTorch's own classes keep their tensors natively, where Module.to reaches them.
        if (!o.getClass().getName().startsWith("io.boxwork.")) return;
        for (Class<?> c = o.getClass(); c != null && c.getName().startsWith("io.boxwork."); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
                f.setAccessible(true);
                try {
                    walk(f.get(o), path + "." + f.getName(), found, seen);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }
}
