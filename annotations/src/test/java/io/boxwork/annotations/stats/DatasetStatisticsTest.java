package io.boxwork.annotations.stats;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.model.SplitPlan;
import io.boxwork.annotations.storage.Project;
import io.boxwork.annotations.storage.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Four images, five labelled boxes and one prediction; every expected figure below is worked out by hand. */
class DatasetStatisticsTest {
    @TempDir
    Path dir;

    private static final ProjectSettings SETTINGS = ProjectSettings.create("s", List.of("cat", "dog"))
        .withSplit(new SplitPlan(1, 0, 0, Map.of("a.png", Split.TRAIN, "b.png", Split.VAL, "c.png", Split.TRAIN,
            "d.png", Split.TEST)));

    private static List<ImageLabels> labels() {
        return List.of(
            new ImageLabels("a.png", 100, 80, ImageStatus.DONE, List.of(
                Box.manual(1, 1, 0, 0, 10, 20),      // 10 x 20, area 200, aspect 2
                Box.manual(2, 1, 10, 10, 50, 50),    // 40 x 40, area 1600, aspect 1
                Box.manual(3, 2, 0, 0, 100, 5))),    // 100 x 5, area 500, aspect 0.05
            new ImageLabels("b.png", 100, 80, ImageStatus.REVIEWED, List.of(
                Box.manual(1, 2, 0, 0, 32, 16),      // 32 x 16, area 512, aspect 0.5
                Box.predicted(2, 2, 0, 0, 50, 50, 0.9f))),
            new ImageLabels("c.png", 200, 100, ImageStatus.TODO, List.of()),
            new ImageLabels("d.png", 200, 100, ImageStatus.DONE, List.of(
                Box.manual(1, 1, 5, 5, 6, 6))));     // 1 x 1, area 1, aspect 1
    }

    @Test
    void countsImagesBoxesNegativesAndPredictionsApart() {
        SplitStatistics all = DatasetStatistics.of(labels(), SETTINGS).all();
        assertEquals(4, all.images());
        assertEquals(5, all.boxes());
        assertEquals(1, all.predictedBoxes());
        assertEquals(1, all.imagesWithoutBoxes());
        assertEquals(Map.of(ImageStatus.TODO, 1L, ImageStatus.DONE, 2L, ImageStatus.REVIEWED, 1L), all.statuses());
        assertEquals(List.of(new ImageSizeCount(100, 80, 2), new ImageSizeCount(200, 100, 2)), all.imageSizes());
    }

    @Test
    void boxesPerImageHistogramAndSummary() {
        Distribution d = DatasetStatistics.of(labels(), SETTINGS).all().boxesPerImage();
        // 3, 1, 0, 1 boxes
        assertEquals(List.of(1L, 2L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L), d.histogram().counts());
        assertEquals(1.25, d.mean());
        assertEquals(1.0, d.median());
        assertEquals(0.0, d.min());
        assertEquals(3.0, d.max());
    }

    @Test
    void boxSideAreaAndAspectDistributions() {
        SplitStatistics all = DatasetStatistics.of(labels(), SETTINGS).all();
        // widths 10, 40, 100, 32, 1 over edges 0 8 16 32 64 128 ...
        assertEquals(List.of(1L, 1L, 0L, 2L, 1L, 0L, 0L, 0L, 0L), all.boxWidth().histogram().counts());
        assertEquals(36.6, all.boxWidth().mean(), 1e-12);
        assertEquals(32.0, all.boxWidth().median());
        // heights 20, 40, 5, 16, 1
        assertEquals(List.of(2L, 0L, 2L, 1L, 0L, 0L, 0L, 0L, 0L), all.boxHeight().histogram().counts());
        // areas 200, 1600, 500, 512, 1 over edges 0 64 256 1024 4096 ...
        assertEquals(List.of(1L, 1L, 2L, 1L, 0L, 0L, 0L, 0L, 0L, 0L), all.boxArea().histogram().counts());
        assertEquals(1600.0, all.boxArea().max());
        // aspects 2, 1, 0.05, 0.5, 1 in bins around 1/4, 1/2, 1, 2, 4
        assertEquals(List.of(1L, 0L, 1L, 2L, 1L, 0L, 0L), all.boxAspect().histogram().counts());
        assertEquals(1.0, all.boxAspect().median());
    }

    @Test
    void classCountsGiveBoxesAndImagesPerClass() {
        SplitStatistics all = DatasetStatistics.of(labels(), SETTINGS).all();
        assertEquals(List.of(new ClassCount(1, "cat", 3, 2), new ClassCount(2, "dog", 2, 2)), all.classes());
    }

    @Test
    void everySplitHasItsOwnFigures() {
        DatasetStatistics s = DatasetStatistics.of(labels(), SETTINGS);
        SplitStatistics train = s.split(Split.TRAIN);
        assertEquals(2, train.images());
        assertEquals(3, train.boxes());
        assertEquals(1, train.imagesWithoutBoxes());
        assertEquals(new ClassCount(2, "dog", 1, 1), train.classNamed("dog"));
        assertEquals(1, s.split(Split.VAL).boxes());
        assertEquals(1, s.split(Split.VAL).predictedBoxes());
        assertEquals(new ClassCount(1, "cat", 0, 0), s.split(Split.VAL).classNamed("cat"));
        assertEquals(1, s.split(Split.TEST).images());
        assertEquals(1.0, s.split(Split.TEST).boxArea().mean());
    }

    @Test
    void anEmptySplitHasZeroCountsAndNoSummaryFigures() {
        ProjectSettings allTrain = SETTINGS.withSplit(new SplitPlan(1, 0, 0, Map.of()));
        SplitStatistics val = DatasetStatistics.of(labels(), allTrain).split(Split.VAL);
        assertEquals(0, val.images());
        assertEquals(0, val.boxWidth().count());
        assertTrue(Double.isNaN(val.boxWidth().mean()));
        assertEquals(0, val.boxWidth().histogram().total());
    }

    @Test
    void aBoxOfAClassTheProjectLacksIsCountedUnderItsId() {
        List<ImageLabels> l = List.of(new ImageLabels("x.png", 10, 10, ImageStatus.DONE, List.of(Box.manual(1, 9, 0, 0, 2, 2))));
        SplitStatistics all = DatasetStatistics.of(l, SETTINGS).all();
        assertEquals(3, all.classes().size());
        assertEquals(9, all.classes().get(2).classId());
        assertEquals(1, all.classes().get(2).boxes());
    }

    @Test
    void aProjectIsReadFromDiskIncludingImagesWithoutLabels() throws Exception {
        try (Project p = Project.create(dir, ProjectSettings.create("p", List.of("cat")))) {
            TestImages.write(p.imageFile("one.png"), 30, 20, "png");
            TestImages.write(p.imageFile("two.png"), 30, 20, "png");
            p.rescanImages();
            p.saveLabels(new ImageLabels("one.png", 30, 20, ImageStatus.DONE, List.of(Box.manual(1, 1, 0, 0, 16, 8))));
            SplitStatistics all = DatasetStatistics.of(p).all();
            assertEquals(2, all.images());
            assertEquals(1, all.imagesWithoutBoxes());
            assertEquals(List.of(new ImageSizeCount(30, 20, 2)), all.imageSizes());
            assertEquals(0.5, all.boxAspect().mean());
        }
    }

    @Test
    void histogramLabelsReadAsIntervals() {
        Histogram h = Histogram.of(SplitStatistics.SIDE_EDGES, new double[] {0, 2000});
        assertEquals("[0, 8)", h.label(0));
        assertEquals("≥ 1024", h.label(h.bins() - 1));
        assertEquals(1, h.counts().get(h.bins() - 1));
    }

    @Test
    void printsAsTextAndAsJson() {
        DatasetStatistics s = DatasetStatistics.of(labels(), SETTINGS);
        String text = s.toText();
        assertTrue(text.startsWith("All images: 4 images (1 without boxes), 5 boxes + 1 unconfirmed predictions\n"), text);
        assertTrue(text.contains("    cat: 3 boxes in 2 images\n"), text);
        assertTrue(text.contains("  box width (px): min 1, median 32, mean 36.6, max 100\n"), text);
        assertTrue(text.contains("Val: 1 images (0 without boxes), 1 boxes"), text);
        var json = s.toJson();
        assertEquals(5, json.getAsJsonObject("all").get("boxes").getAsInt());
        assertEquals(1, json.getAsJsonObject("splits").getAsJsonObject("test").get("images").getAsInt());
        var width = json.getAsJsonObject("all").getAsJsonObject("box_width");
        assertEquals(32.0, width.get("median").getAsDouble());
        assertTrue(width.getAsJsonArray("edges").get(9).isJsonNull());
        assertEquals(2, width.getAsJsonArray("counts").get(3).getAsLong());
    }
}
