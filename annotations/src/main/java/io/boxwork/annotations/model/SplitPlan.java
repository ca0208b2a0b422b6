package io.boxwork.annotations.model;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The train / val / test split. Each image's split comes from a seeded hash of its path, not
 * from its position in a list, so adding or removing images never moves the others; a person
 * can override any image.
 *
 * @param seed      changes every image's draw
 * @param valShare  fraction of images (0..1) drawn into val
 * @param testShare fraction drawn into test; the rest train
 * @param overrides image path -> split chosen by a person; wins over the draw
 */
public record SplitPlan(long seed, double valShare, double testShare, Map<String, Split> overrides) {

    public SplitPlan {
        if (!(valShare >= 0 && testShare >= 0 && valShare + testShare <= 1)) {
            throw new IllegalArgumentException("val and test shares must be >= 0 and add up to at most 1, were "
                + valShare + " and " + testShare);
        }
        overrides = overrides == null ? Map.of() : Map.copyOf(new TreeMap<>(overrides));
    }

    public static SplitPlan defaults() {
        return new SplitPlan(42L, 0.2, 0.0, Map.of());
    }

    public Split splitOf(String imagePath) {
        Split chosen = overrides.get(imagePath);
        if (chosen != null) return chosen;
        double u = unitHash(seed, imagePath);
        if (u < valShare) return Split.VAL;
        if (u < valShare + testShare) return Split.TEST;
        return Split.TRAIN;
    }

    public SplitPlan withOverride(String imagePath, Split split) {
        Map<String, Split> next = new LinkedHashMap<>(overrides);
        if (split == null) next.remove(imagePath); else next.put(imagePath, split);
        return new SplitPlan(seed, valShare, testShare, next);
    }

    /** A uniform draw in [0, 1) from the seed and the path (64-bit FNV-1a, then a SplitMix finaliser). */
    static double unitHash(long seed, String path) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return (h >>> 11) * 0x1.0p-53;
    }
}
