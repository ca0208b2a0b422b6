package io.boxwork.engine.data;

import io.boxwork.annotations.model.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static io.boxwork.engine.data.TestProjects.box;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataLoaderTest {
    @TempDir
    Path dir;

    /**
     * Items whose one pixel records the item's index and one random draw, loaded with a small
     * delay in reverse proportion to the index so that workers finish out of order.
     */
    private static final class NumberedSource implements SampleSource {
        final int size;
        final AtomicInteger loads = new AtomicInteger();
        final int failAt;

        NumberedSource(int size, int failAt) {
            this.size = size;
            this.failAt = failAt;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public String imagePath(int index) {
            return "item-" + index + ".png";
        }

        @Override
        public DetectionSample load(int index, SplittableRandom random) throws IOException {
            loads.incrementAndGet();
            try {
                Thread.sleep((size - index) % 3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (index == failAt) throw new ImageDecodeException(Path.of(imagePath(index)), "corrupt data", null);
            float[] chw = {index, (float) random.nextDouble(), 0};
            return new DetectionSample(imagePath(index), new DecodedImage(1, 1, chw), new float[0], new long[0]);
        }
    }

    private static List<Integer> items(DataLoader.Epoch epoch) {
        List<Integer> seen = new ArrayList<>();
        while (epoch.hasNext()) for (DetectionSample s : epoch.next().samples()) seen.add((int) s.image().chw()[0]);
        return seen;
    }

    @Test
    void withoutShuffleBatchesComeInSourceOrderWithASmallerLastBatch() {
        DataLoader loader = new DataLoader(new NumberedSource(10, -1), LoaderOptions.evaluation(4).withWorkers(2));
        try (DataLoader.Epoch epoch = loader.epoch(0)) {
            List<Integer> sizes = new ArrayList<>();
            List<Integer> seen = new ArrayList<>();
            int expectedIndex = 0;
            while (epoch.hasNext()) {
                DetectionBatch b = epoch.next();
                assertEquals(expectedIndex++, b.index());
                sizes.add(b.size());
                for (DetectionSample s : b.samples()) seen.add((int) s.image().chw()[0]);
            }
            assertEquals(List.of(4, 4, 2), sizes);
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), seen);
            assertThrows(NoSuchElementException.class, epoch::next);
        }
    }

    @Test
    void dropLastLeavesOutTheSmallerBatch() {
        DataLoader loader = new DataLoader(new NumberedSource(10, -1), LoaderOptions.evaluation(4).withDropLast(true));
        assertEquals(2, loader.batchesPerEpoch());
        try (DataLoader.Epoch epoch = loader.epoch(0)) {
            assertEquals(8, items(epoch).size());
        }
    }

    @Test
    void shufflingVisitsEveryItemOncePerEpochInAnOrderFixedBySeedAndEpoch() {
        NumberedSource source = new NumberedSource(23, -1);
        DataLoader a = new DataLoader(source, LoaderOptions.training(3, 7).withWorkers(2));
        DataLoader b = new DataLoader(source, LoaderOptions.training(3, 7).withWorkers(1));
        DataLoader otherSeed = new DataLoader(source, LoaderOptions.training(3, 8));
        List<Integer> first;
        List<Integer> again;
        List<Integer> nextEpoch;
        List<Integer> seeded8;
        try (DataLoader.Epoch e = a.epoch(0)) { first = items(e); }
        try (DataLoader.Epoch e = b.epoch(0)) { again = items(e); }
        try (DataLoader.Epoch e = a.epoch(1)) { nextEpoch = items(e); }
        try (DataLoader.Epoch e = otherSeed.epoch(0)) { seeded8 = items(e); }
        List<Integer> sorted = new ArrayList<>(first);
        sorted.sort(null);
        assertEquals(java.util.stream.IntStream.range(0, 23).boxed().toList(), sorted);
        assertEquals(first, again, "same seed and epoch, different worker count: same order");
        assertNotEquals(first, nextEpoch);
        assertNotEquals(first, seeded8);
        assertArrayEquals(first.stream().mapToInt(Integer::intValue).toArray(), a.order(0));
    }

    @Test
    void augmentationDrawsDependOnSeedEpochAndItemNotOnWhichThreadLoadedIt() {
        NumberedSource source = new NumberedSource(12, -1);
        float[] one = draws(new DataLoader(source, LoaderOptions.training(2, 5).withWorkers(2)), 0);
        float[] two = draws(new DataLoader(source, LoaderOptions.training(2, 5).withWorkers(1)), 0);
        float[] later = draws(new DataLoader(source, LoaderOptions.training(2, 5)), 1);
        assertArrayEquals(one, two);
        assertFalse(Arrays.equals(one, later));
    }

    private static float[] draws(DataLoader loader, int epoch) {
        float[] byItem = new float[12];
        try (DataLoader.Epoch e = loader.epoch(epoch)) {
            while (e.hasNext()) for (DetectionSample s : e.next().samples()) byItem[(int) s.image().chw()[0]] = s.image().chw()[1];
        }
        return byItem;
    }

    @Test
    void workersDecodeOnlyAsFarAheadAsThePrefetchAllows() throws Exception {
        NumberedSource source = new NumberedSource(40, -1);
        DataLoader loader = new DataLoader(source, LoaderOptions.evaluation(2).withPrefetch(3).withWorkers(2));
        try (DataLoader.Epoch epoch = loader.epoch(0)) {
            awaitLoads(source, 6);
            Thread.sleep(200);
            assertEquals(6, source.loads.get(), "3 batches of 2 decoded ahead, no more");
            epoch.next();
            awaitLoads(source, 8);
            Thread.sleep(200);
            assertEquals(8, source.loads.get(), "taking one batch frees room for exactly one more");
        }
    }

    private static void awaitLoads(NumberedSource source, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (source.loads.get() < count && System.nanoTime() < deadline) Thread.sleep(5);
    }

    @Test
    void closingAnEpochStopsItsThreadsAndEndsIteration() throws Exception {
        DataLoader loader = new DataLoader(new NumberedSource(200, -1), LoaderOptions.training(2, 1).withWorkers(2));
        DataLoader.Epoch epoch = loader.epoch(0);
        epoch.next();
        assertTrue(epoch.isRunning());
        epoch.close();
        assertFalse(epoch.isRunning(), "worker threads still alive after close");
        assertFalse(epoch.hasNext());
        assertThrows(NoSuchElementException.class, epoch::next);
    }

    @Test
    void startingTheNextEpochStopsTheOneStillRunning() {
        DataLoader loader = new DataLoader(new NumberedSource(200, -1), LoaderOptions.training(2, 1));
        DataLoader.Epoch first = loader.epoch(0);
        first.next();
        DataLoader.Epoch second = loader.epoch(1);
        assertFalse(first.isRunning());
        assertEquals(1, second.next().epoch());
        loader.close();
        assertFalse(second.isRunning());
    }

    @Test
    void aLoadFailureReachesTheConsumerAtItsBatchNamingTheImage() {
        NumberedSource source = new NumberedSource(10, 5);
        DataLoader loader = new DataLoader(source, LoaderOptions.evaluation(2).withWorkers(2));
        try (DataLoader.Epoch epoch = loader.epoch(3)) {
            assertEquals(List.of(0, 1), indices(epoch.next()));
            assertEquals(List.of(2, 3), indices(epoch.next()));
            DataLoadingException e = assertThrows(DataLoadingException.class, epoch::next);
            assertEquals("item-5.png", e.imagePath());
            assertTrue(e.getMessage().contains("item-5.png") && e.getMessage().contains("corrupt data"), e.getMessage());
            assertTrue(e.getCause() instanceof ImageDecodeException);
            assertFalse(epoch.hasNext());
            assertFalse(epoch.isRunning());
        }
    }

    @Test
    void aCorruptImageInARealProjectFailsTheLoaderWithItsPath() throws Exception {
        TestProjects p = TestProjects.create(dir, "cat");
        p.image("good.png", 20, 20, Split.TRAIN, box(1, 1, 2, 2, 9, 9));
        p.image("bad.png", 20, 20, Split.TRAIN, box(1, 1, 2, 2, 9, 9));
        Files.write(p.project().imageFile("bad.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        DetectionDataset ds = DetectionDataset.of(p.project(), Split.TRAIN);
        DataLoader loader = new DataLoader(ds, LoaderOptions.evaluation(1));
        try (DataLoader.Epoch epoch = loader.epoch(0)) {
            DataLoadingException e = assertThrows(DataLoadingException.class, () -> {
                while (epoch.hasNext()) epoch.next();
            });
            assertEquals("bad.png", e.imagePath());
            assertTrue(e.getMessage().contains("bad.png"), e.getMessage());
        }
    }

    @Test
    void aResumedEpochDeliversTheSameRemainingBatchesWithoutDecodingTheSkippedOnes() {
        NumberedSource source = new NumberedSource(20, -1);
        DataLoader loader = new DataLoader(source, LoaderOptions.training(3, 11).withWorkers(2));
        List<Integer> full;
        try (DataLoader.Epoch e = loader.epoch(2)) { full = items(e); }
        int before = source.loads.get();
        List<Integer> rest;
        try (DataLoader.Epoch e = loader.epoch(2, 4)) {
            DetectionBatch first = e.next();
            assertEquals(4, first.index());
            rest = new ArrayList<>(indices(first));
            rest.addAll(items(e));
        }
        assertEquals(full.subList(12, 20), rest);
        assertEquals(8, source.loads.get() - before, "only the 8 items from batch 4 on were decoded");
        assertThrows(IllegalArgumentException.class, () -> loader.epoch(0, 8));
    }

    @Test
    void anEmptySourceGivesAnEmptyEpochWithoutThreads() {
        DataLoader loader = new DataLoader(new NumberedSource(0, -1), LoaderOptions.training(2, 1));
        try (DataLoader.Epoch epoch = loader.epoch(0)) {
            assertFalse(epoch.hasNext());
            assertFalse(epoch.isRunning());
        }
    }

    private static List<Integer> indices(DetectionBatch b) {
        return b.samples().stream().map(s -> (int) s.image().chw()[0]).toList();
    }
}
