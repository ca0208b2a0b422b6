package io.boxwork.annotations.storage;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ProjectSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Kills a JVM that is editing and autosaving (SIGKILL, no shutdown hooks) at random moments, and
 * checks that every labels file on disk is whole and holds every edit older than the debounce
 * window.
 */
class AutosaveCrashTest {
    private static final long DEBOUNCE_MS = 150;
    /** Time for the write itself after the debounce fires: fsync and rename on a busy 2-core machine. */
    private static final long WRITE_ALLOWANCE_MS = 400;

    @TempDir
    Path dir;

    @Test
    void killingAnEditingProcessNeverLeavesATornFileOrLosesOlderEdits() throws Exception {
        try (Project p = Project.create(dir, ProjectSettings.create("crash", List.of("thing")))) {
            for (int i = 0; i < 4; i++) TestImages.write(p.imagesDir().resolve("img" + i + ".png"), 200, 150, "png");
        }
        Random random = new Random(20261122);
        Map<String, Integer> lastKnown = new HashMap<>();
        for (int round = 0; round < 5; round++) {
            Map<String, long[]> edits = new ConcurrentHashMap<>();
            List<long[]> timeline = new java.util.concurrent.CopyOnWriteArrayList<>();
            Map<Integer, String> names = new ConcurrentHashMap<>();
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AutosaveCrashChild.class.getName(),
                dir.toString(), Long.toString(DEBOUNCE_MS)).redirectErrorStream(true).start();
            CountDownLatch ready = new CountDownLatch(1);
            StringBuilder output = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.equals("READY")) ready.countDown();
                        else if (line.startsWith("EDIT ")) {
                            String[] f = line.split(" ");
                            int key = f[1].hashCode();
                            names.put(key, f[1]);
                            timeline.add(new long[] {key, Long.parseLong(f[2]), Long.parseLong(f[3])});
                        } else if (output.length() < 10_000) output.append(line).append('\n');
                    }
                } catch (java.io.IOException closedByKill) {
                    // the stream ends when the child is killed
                }
            });
            reader.start();
            assertTrue(ready.await(60, TimeUnit.SECONDS), "child did not start:\n" + output);
            Thread.sleep(300 + random.nextInt(1200));
            long killedAt = System.currentTimeMillis();
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);
            assertFalse(timeline.isEmpty(), "child made no edits:\n" + output);

            try (Project p = Project.openReadOnly(dir)) {
                for (String image : p.images()) {
                    ImageLabels onDisk = p.labels(image);
                    int count = onDisk.boxes().size();
                    for (int i = 0; i < count; i++) {
                        assertEquals(i + 1, onDisk.boxes().get(i).id(), image + ": boxes on disk are not a prefix of the edits");
                    }
                    int mustHave = lastKnown.getOrDefault(image, 0);
                    for (long[] e : timeline) {
                        if (names.get((int) e[0]).equals(image) && e[2] <= killedAt - DEBOUNCE_MS - WRITE_ALLOWANCE_MS) {
                            mustHave = Math.max(mustHave, (int) e[1]);
                        }
                    }
                    assertTrue(count >= mustHave, "round " + round + ", " + image + ": " + count
                        + " boxes on disk but an edit with " + mustHave + " boxes was older than the debounce window");
                    lastKnown.put(image, count);
                    for (Box b : onDisk.boxes()) assertTrue(b.insideImage(onDisk.width(), onDisk.height()));
                }
            }
        }
        assertTrue(lastKnown.values().stream().mapToInt(Integer::intValue).sum() > 20, "too few edits reached disk: " + lastKnown);
    }
}
