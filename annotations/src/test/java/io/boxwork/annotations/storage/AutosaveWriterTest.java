package io.boxwork.annotations.storage;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class AutosaveWriterTest {

    private static ImageLabels withBoxes(String path, int n) {
        ImageLabels l = ImageLabels.empty(path, 100, 100);
        List<Box> boxes = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) boxes.add(Box.manual(i, 1, 0, 0, i, i));
        return l.withBoxes(boxes);
    }

    @Test
    void manyQuickEditsBecomeOneWriteOfTheLatestSnapshot() throws Exception {
        Map<String, ImageLabels> disk = new ConcurrentHashMap<>();
        AtomicInteger writes = new AtomicInteger();
        CountDownLatch written = new CountDownLatch(1);
        try (AutosaveWriter w = new AutosaveWriter(l -> {
            disk.put(l.imagePath(), l);
            writes.incrementAndGet();
            written.countDown();
        }, Duration.ofMillis(200))) {
            for (int i = 1; i <= 20; i++) w.submit(withBoxes("a.jpg", i));
            assertEquals(AutosaveWriter.State.PENDING, w.status().state());
            assertTrue(written.await(5, TimeUnit.SECONDS));
            Thread.sleep(100);
            assertEquals(1, writes.get());
            assertEquals(20, disk.get("a.jpg").boxes().size());
        }
    }

    @Test
    void closingFlushesWhatIsPending() throws Exception {
        Map<String, ImageLabels> disk = new ConcurrentHashMap<>();
        AutosaveWriter w = new AutosaveWriter(l -> disk.put(l.imagePath(), l), Duration.ofHours(1));
        w.submit(withBoxes("a.jpg", 2));
        w.submit(withBoxes("b.jpg", 3));
        w.close();
        assertEquals(2, disk.get("a.jpg").boxes().size());
        assertEquals(3, disk.get("b.jpg").boxes().size());
        assertThrows(IllegalStateException.class, () -> w.submit(withBoxes("a.jpg", 1)));
    }

    @Test
    void aFailedWriteStaysPendingAndIsRetried() throws Exception {
        AtomicBoolean diskFull = new AtomicBoolean(true);
        Map<String, ImageLabels> disk = new ConcurrentHashMap<>();
        List<AutosaveWriter.Status> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AutosaveWriter w = new AutosaveWriter(l -> {
            if (diskFull.get()) throw new IOException("No space left on device");
            disk.put(l.imagePath(), l);
        }, Duration.ofMillis(10))) {
            w.addListener(seen::add);
            w.submit(withBoxes("a.jpg", 1));
            IOException e = assertThrows(IOException.class, w::flush);
            assertTrue(e.getMessage().contains("No space"));
            assertEquals(AutosaveWriter.State.FAILED, w.status().state());
            assertEquals(1, w.status().pendingImages());
            diskFull.set(false);
            w.flush();
            assertEquals(AutosaveWriter.State.SAVED, w.status().state());
            assertEquals(1, disk.get("a.jpg").boxes().size());
            assertTrue(seen.stream().anyMatch(s -> s.error() != null && s.error().contains("No space")));
        }
    }
}
