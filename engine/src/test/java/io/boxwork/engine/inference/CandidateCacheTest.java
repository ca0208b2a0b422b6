package io.boxwork.engine.inference;

import io.boxwork.engine.detection.RawCandidates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandidateCacheTest {

    @Test
    void candidatesComeBackForTheSameWeightsAndNotForOthers(@TempDir Path dir) throws Exception {
        RawCandidates raw = new RawCandidates(new float[]{1, 2, 30, 40, 5, 6, 50, 60}, new float[]{0.9f, 0.2f}, new int[]{1, 2});
        ImagePrediction p = new ImagePrediction("sub/a.jpg", 64, 64,
            List.of(new ImagePrediction.Detected(1, 2, 30, 40, 0.9f, 1, "cat")), raw);
        CandidateCache cache = new CandidateCache(dir.resolve("predictions"), "best.pth:123:456");
        cache.put(p, List.of("cat", "dog"));

        assertTrue(Files.isRegularFile(dir.resolve("predictions/sub/a.jpg.json")));
        RawCandidates back = cache.get("sub/a.jpg").orElseThrow();
        assertArrayEquals(raw.boxes(), back.boxes());
        assertArrayEquals(raw.scores(), back.scores());
        assertArrayEquals(raw.labels(), back.labels());
        assertTrue(new CandidateCache(dir.resolve("predictions"), "best.pth:999:456").get("sub/a.jpg").isEmpty());
        assertTrue(cache.get("other.jpg").isEmpty());
    }
}
