package io.boxwork.app.review;

import io.boxwork.engine.detection.RawCandidates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandidateCacheFileTest {
    @TempDir
    Path dir;

    private static CachedPredictions sample() {
        return new CachedPredictions("best.pth", 1234, 5678, List.of("cat", "dog"), Map.of(
            "sub/a.png", new RawCandidates(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new float[] {0.9f, 0.1f}, new int[] {1, 2}),
            "b.png", new RawCandidates(new float[0], new float[0], new int[0])));
    }

    @Test
    void candidatesComeBackExactlyAsWritten() throws IOException {
        Path file = dir.resolve("predictions/best-val.candidates");
        CandidateCacheFile.write(file, sample());
        CachedPredictions back = CandidateCacheFile.read(file);
        assertEquals(List.of("cat", "dog"), back.classNames());
        assertEquals(sample().images().keySet(), back.images().keySet());
        RawCandidates a = back.images().get("sub/a.png");
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, a.boxes());
        assertArrayEquals(new float[] {0.9f, 0.1f}, a.scores());
        assertArrayEquals(new int[] {1, 2}, a.labels());
        assertEquals(0, back.images().get("b.png").size());
    }

    @Test
    void aCacheBelongsOnlyToTheCheckpointFileItWasMadeFrom() {
        CachedPredictions p = sample();
        assertTrue(p.matches(Path.of("runs/x/best.pth"), 1234, 5678));
        assertFalse(p.matches(Path.of("runs/x/best.pth"), 1235, 5678), "a rewritten checkpoint has another size");
        assertFalse(p.matches(Path.of("runs/x/best.pth"), 1234, 9999), "or another time");
        assertFalse(p.matches(Path.of("runs/x/last.pth"), 1234, 5678));
    }

    @Test
    void aFileCutShortNamesTheImageWhereReadingStopped() throws IOException {
        Path file = dir.resolve("c.candidates");
        CandidateCacheFile.write(file, sample());
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, all.length - 6));
        IOException e = assertThrows(IOException.class, () -> CandidateCacheFile.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("cut short at image"), e.getMessage());
    }

    @Test
    void aFileThatIsNotACacheIsRefusedWithItsPath() throws IOException {
        Path file = dir.resolve("d.candidates");
        Files.writeString(file, "{\"not\": \"a cache\"}");
        IOException e = assertThrows(IOException.class, () -> CandidateCacheFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }
}
