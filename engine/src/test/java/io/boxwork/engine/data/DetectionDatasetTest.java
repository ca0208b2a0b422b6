package io.boxwork.engine.data;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.model.LabelClass;
import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.storage.Project;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static io.boxwork.engine.data.TestProjects.box;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectionDatasetTest {
    @TempDir
    Path dir;

    @Test
    void classesAreMappedToContiguousLabelsInProjectOrderWithZeroLeftForBackground() throws Exception {
        TestProjects p = TestProjects.create(dir, "cat", "dog");
        // Ids 7 and 3, listed dog-first: the detector's labels follow the list, not the ids.
        p.settings(p.project().settings().withClasses(List.of(new LabelClass(7, "dog", "#112233"), new LabelClass(3, "cat", "#445566"))));
        p.image("a.png", 40, 30, Split.TRAIN, box(1, 3, 1, 2, 11, 12), box(2, 7, 5, 5, 30, 25));
        DetectionDataset ds = DetectionDataset.of(p.project(), Split.TRAIN);
        assertEquals(2, ds.numClasses());
        DetectionSample s = ds.load(0);
        assertArrayEquals(new long[] {2, 1}, s.labels());
        assertArrayEquals(new float[] {1, 2, 11, 12, 5, 5, 30, 25}, s.boxes());
        assertEquals("a.png", s.imagePath());
        assertEquals(40, s.image().width());
        assertEquals(30, s.image().height());
    }

    @Test
    void imagesMarkedDoneWithoutBoxesAreKeptAsNegativesAndUntouchedOnesAreLeftOut() throws Exception {
        TestProjects p = TestProjects.create(dir, "cat");
        p.image("empty-done.png", 20, 20, Split.TRAIN);
        p.image("empty-todo.png", 20, 20, Split.TRAIN, ImageStatus.TODO);
        p.image("partly.png", 20, 20, Split.TRAIN, ImageStatus.TODO, box(1, 1, 2, 2, 8, 8));
        p.unlabelledImage("never-opened.png", 20, 20, Split.TRAIN);
        p.image("val.png", 20, 20, Split.VAL, box(1, 1, 2, 2, 8, 8));
        DetectionDataset ds = DetectionDataset.of(p.project(), Split.TRAIN);
        assertEquals(List.of("empty-done.png", "partly.png"), ds.entries().stream().map(DatasetEntry::imagePath).toList());
        assertEquals(2, ds.skippedUnlabelled());
        DetectionSample negative = ds.load(0);
        assertEquals(0, negative.boxCount());
        assertEquals(0, negative.boxes().length);
    }

    @Test
    void onlyBoxesAPersonDrewAreTargetsAndBoxesAreClippedOrDroppedAtTheImageEdge() throws Exception {
        TestProjects p = TestProjects.create(dir, "cat");
        p.image("a.png", 30, 20, Split.TRAIN,
            box(1, 1, -5, 2, 10, 12),
            Box.predicted(2, 1, 3, 3, 9, 9, 0.9f),
            box(3, 1, 5, 5, 5, 9),
            box(4, 1, 31, 1, 40, 9),
            box(5, 1, 20, 10, 35, 25));
        DetectionSample s = DetectionDataset.of(p.project(), Split.TRAIN).load(0);
        assertArrayEquals(new float[] {0, 2, 10, 12, 20, 10, 30, 20}, s.boxes());
        assertArrayEquals(new long[] {1, 1}, s.labels());
    }

    @Test
    void aBoxOfAClassTheProjectNoLongerHasIsAnErrorNamingTheFileAndBox() throws Exception {
        TestProjects p = TestProjects.create(dir, "cat", "dog");
        p.image("a.png", 20, 20, Split.TRAIN, box(4, 2, 1, 1, 5, 5));
        p.settings(p.project().settings().withClasses(List.of(new LabelClass(1, "cat", "#112233"))));
        DatasetException e = assertThrows(DatasetException.class, () -> DetectionDataset.of(p.project(), Split.TRAIN));
        assertEquals(p.project().labelsFile("a.png"), e.file());
        assertTrue(e.getMessage().contains("box 4") && e.getMessage().contains("class id 2"), e.getMessage());
    }

    @Test
    void anImageWhoseSizeNoLongerMatchesItsLabelsFailsToLoadNamingTheFile() throws Exception {
        TestProjects p = TestProjects.create(dir, "cat");
        p.image("a.png", 20, 20, Split.TRAIN, box(1, 1, 1, 1, 5, 5));
        TestImageFiles.write(TestImageFiles.gradient(24, 20), "png", p.project().imageFile("a.png"));
        DetectionDataset ds = DetectionDataset.of(p.project(), Split.TRAIN);
        DatasetException e = assertThrows(DatasetException.class, () -> ds.load(0));
        assertTrue(e.getMessage().contains("a.png") && e.getMessage().contains("24x20"), e.getMessage());
    }

    @Test
    void augmentationAppliesOnlyWhenARandomSourceIsGiven() throws Exception {
        TestProjects p = TestProjects.create(dir, "cat");
        p.image("a.png", 30, 20, Split.TRAIN, box(1, 1, 2, 3, 10, 8));
        DetectionDataset flipping = DetectionDataset.of(p.project(), Split.TRAIN).withAugmentation(new Augmentation(1, 1, 1, 0, 0, 0));
        assertArrayEquals(new float[] {2, 3, 10, 8}, flipping.load(0).boxes());
        assertArrayEquals(new float[] {20, 3, 28, 8}, flipping.load(0, new SplittableRandom(5)).boxes());
    }

    @Test
    void samplesBecomeTensorsOfTheShapesTorchvisionTakes() throws Exception {
        TestProjects p = TestProjects.create(dir, "cat", "dog");
        p.image("a.png", 30, 20, Split.TRAIN, box(1, 2, 2, 3, 10, 8), box(2, 1, 4, 4, 6, 6));
        p.image("b.png", 16, 12, Split.TRAIN);
        DetectionDataset ds = DetectionDataset.of(p.project(), Split.TRAIN);
        try (PointerScope scope = new PointerScope()) {
            SampleTensors a = SampleTensors.of(ds.load(0));
            assertArrayEquals(new long[] {3, 20, 30}, a.image().sizes().vec().get());
            assertEquals(torch.ScalarType.Float.value, a.image().scalar_type().value);
            assertArrayEquals(new long[] {2, 4}, a.boxes().sizes().vec().get());
            assertEquals(torch.ScalarType.Long.value, a.labels().scalar_type().value);
            long[] labels = new long[2];
            a.labels().contiguous().data_ptr_long().get(labels);
            assertArrayEquals(new long[] {2, 1}, labels);
            float[] pixels = new float[3 * 20 * 30];
            a.image().contiguous().data_ptr_float().get(pixels);
            assertArrayEquals(ds.load(0).image().chw(), pixels);
            float[] boxes = new float[8];
            a.boxes().contiguous().data_ptr_float().get(boxes);
            assertArrayEquals(new float[] {2, 3, 10, 8, 4, 4, 6, 6}, boxes);

            Tensor negativeBoxes = SampleTensors.of(ds.load(1)).boxes();
            assertArrayEquals(new long[] {0, 4}, negativeBoxes.sizes().vec().get());
        }
    }

    @Test
    void theShippedSampleProjectLoadsAsADatasetWithAllThreeClasses() throws Exception {
        Path sample = Path.of("..", "projects-sample", "project");
        try (Project project = Project.openReadOnly(sample)) {
            DetectionDataset train = DetectionDataset.of(project, Split.TRAIN);
            DetectionDataset val = DetectionDataset.of(project, Split.VAL);
            assertEquals(160, train.size() + val.size());
            assertEquals(3, train.numClasses());
            boolean[] seen = new boolean[4];
            for (DatasetEntry e : train.entries()) for (long l : e.labels()) seen[(int) l] = true;
            assertTrue(seen[1] && seen[2] && seen[3]);
            DetectionSample first = train.load(0);
            assertEquals(train.entry(0).width(), first.image().width());
        }
    }
}
