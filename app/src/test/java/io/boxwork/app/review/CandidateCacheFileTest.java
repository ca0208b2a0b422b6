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
            "b.png", new RawCandidates(new float[0], new float[0], new int[0])),
            Map.of("sub/a.png", new ImageStamp(100, 200), "b.png", new ImageStamp(300, 400)));
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
    void eachImageKeepsTheStampOfTheFileItWasPredictedFrom() throws IOException {
        Path file = dir.resolve("s.candidates");
        CandidateCacheFile.write(file, sample());
        assertEquals(sample().stamps(), CandidateCacheFile.read(file).stamps());
    }

    @Test
    void anImageReplacedOnDiskOrNotCachedIsPredictedAgainAndOnlyThose() throws IOException {
        Path a = Files.writeString(dir.resolve("a.png"), "first picture");
        Path b = Files.writeString(dir.resolve("b.png"), "other picture");
        Map<String, Path> files = Map.of("a.png", a, "b.png", b);
        RawCandidates none = new RawCandidates(new float[0], new float[0], new int[0]);
        CachedPredictions cached = new CachedPredictions("best.pth", 1, 2, List.of("cat"), Map.of("a.png", none, "b.png", none),
            Map.of("a.png", ImageStamp.of(a), "b.png", ImageStamp.of(b)));
        CachedPredictions.StampReader disk = image -> ImageStamp.of(files.get(image));
        assertEquals(List.of(), cached.staleAmong(List.of("a.png", "b.png"), disk));

        Files.writeString(a, "a replaced, longer picture");
        assertEquals(List.of("a.png"), cached.staleAmong(List.of("a.png", "b.png"), disk));
        assertEquals(List.of("c.png"), cached.staleAmong(List.of("b.png", "c.png"), disk), "c.png was never predicted");

        RawCandidates one = new RawCandidates(new float[] {1, 2, 3, 4}, new float[] {0.5f}, new int[] {1});
        CachedPredictions merged = cached.with(new CachedPredictions("best.pth", 1, 2, List.of("cat"), Map.of("a.png", one),
            Map.of("a.png", ImageStamp.of(a))));
        assertEquals(List.of(), merged.staleAmong(List.of("a.png", "b.png"), disk));
        assertEquals(1, merged.images().get("a.png").size());
        assertEquals(0, merged.images().get("b.png").size());
    }

    @Test
    void aCacheFromBeforeImageStampsReadsAsNeedingEveryImageAgain() throws IOException {
        Path file = dir.resolve("v1.candidates");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeInt(0x42585243);
            out.writeInt(1);
            out.writeUTF("best.pth");
            out.writeLong(1234);
            out.writeLong(5678);
            out.writeInt(1);
            out.writeUTF("cat");
            out.writeInt(1);
            out.writeUTF("a.png");
            out.writeInt(1);
            for (float v : new float[] {1, 2, 3, 4, 0.9f}) out.writeFloat(v);
            out.writeInt(1);
        }
        Files.write(file, bytes.toByteArray());
        CachedPredictions old = CandidateCacheFile.read(file);
        assertEquals(1, old.images().get("a.png").size());
        Path a = Files.writeString(dir.resolve("a.png"), "picture");
        assertEquals(List.of("a.png"), old.staleAmong(List.of("a.png"), image -> ImageStamp.of(a)));
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
