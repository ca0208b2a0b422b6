package io.boxwork.annotations.formats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.boxwork.annotations.formats.FormatFixtures.image;
import static io.boxwork.annotations.formats.FormatFixtures.only;
import static org.junit.jupiter.api.Assertions.*;

class TutorialJsonFormatTest {
    @TempDir
    Path dir;

    private final TutorialJsonFormat tutorial = new TutorialJsonFormat();

    private static List<Double> coords(DatasetBox b) {
        return List.of(b.x1(), b.y1(), b.x2(), b.y2());
    }

    private Path besideLayout() throws Exception {
        Path source = FormatFixtures.copyResource("tutorial/beside", dir);
        FormatFixtures.jpeg(source.resolve("img1.jpg"), 60, 50);
        FormatFixtures.palette(source.resolve("img2.png"), 100, 60);
        FormatFixtures.gray(source.resolve("img3.png"), 30, 30);
        return source;
    }

    @Test
    void filesBesideTheImagesAreRead() throws Exception {
        Path source = besideLayout();
        Dataset d = tutorial.read(source, new ImportReport.Builder("tutorial", source));
        assertEquals(List.of("head", "helmet"), d.classNames());
        assertEquals(List.of(10.0, 12.0, 30.0, 40.0), coords(only(d, "img1.jpg", 0)));
        assertEquals(List.of(35.5, 5.0, 50.0, 20.25), coords(only(d, "img1.jpg", 1)));
        assertEquals("helmet", only(d, "img2.png", 0).className());
        assertEquals(60, image(d, "img1.jpg").width());
        assertEquals(50, image(d, "img1.jpg").height());
    }

    @Test
    void anImageWithoutAFileIsANegativeAndAFileWithoutAnImageIsReported() throws Exception {
        Path source = besideLayout();
        ImportReport.Builder report = new ImportReport.Builder("tutorial", source);
        Dataset d = tutorial.read(source, report);
        assertTrue(image(d, "img3.png").boxes().isEmpty());
        assertTrue(report.items().stream().anyMatch(i -> i.kind() == ReportItem.Kind.SKIPPED
            && source.resolve("orphan.json").equals(i.file())));
        assertTrue(report.items().stream().anyMatch(i -> i.kind() == ReportItem.Kind.NOTE && i.reason().startsWith("1 image")));
    }

    @Test
    void aBoxOutsideTheImageIsClippedWithItsIndex() throws Exception {
        Path source = besideLayout();
        ImportReport.Builder report = new ImportReport.Builder("tutorial", source);
        Dataset d = tutorial.read(source, report);
        assertEquals(List.of(50.0, 30.0, 90.0, 60.0), coords(only(d, "img2.png", 0)));
        ReportItem changed = report.build(d).items(ReportItem.Kind.CHANGED).get(0);
        assertEquals(source.resolve("img2.json"), changed.file());
        assertEquals(0, changed.index());
    }

    @Test
    void filesInAFolderParallelToTheImagesAreRead() throws Exception {
        Path source = FormatFixtures.copyResource("tutorial/parallel", dir);
        FormatFixtures.rgb(source.resolve("images/img1.png"), 10, 10);
        FormatFixtures.rgba(source.resolve("images/sub/img2.png"), 20, 20);
        FormatFixtures.rgb(source.resolve("images/bad.png"), 10, 10);
        ImportReport.Builder report = new ImportReport.Builder("tutorial", source);
        Dataset d = tutorial.read(source, report);
        assertEquals(List.of("img1.png", "sub/img2.png"), d.images().stream().map(DatasetImage::path).toList());
        assertEquals(List.of(4.0, 4.0, 16.0, 12.0), coords(only(d, "sub/img2.png", 0)));
        ReportItem bad = report.items().get(0);
        assertEquals(ReportItem.Kind.SKIPPED, bad.kind());
        assertEquals(source.resolve("annotations/bad.json"), bad.file());
        assertEquals(3, bad.line());
    }

    @Test
    void writtenFilesUseTheTutorialShapeAndReadBack() throws Exception {
        Path out = dir.resolve("out");
        Dataset d = new Dataset(List.of("head"), List.of(
            new DatasetImage("a/one.png", null, 40, 30, List.of(DatasetBox.of("head", 1.25, 2, 10, 20.5)))));
        tutorial.write(d, out);
        assertEquals("{\"labels\":[\"head\"],\"boxes\":[[1.25,2,10,20.5]]}",
            Files.readString(out.resolve("annotations/a/one.json")).strip());
        FormatFixtures.rgb(tutorial.imagesRoot(out).resolve("a/one.png"), 40, 30);
        Dataset again = tutorial.read(out, new ImportReport.Builder("tutorial", out));
        assertEquals(d.images().get(0).boxes(), again.images().get(0).boxes());
    }

    @Test
    void anyPairOfParallelFoldersWorksNotOnlyImagesAndAnnotations() throws Exception {
        Path source = dir.resolve("pics-and-labels");
        FormatFixtures.rgb(source.resolve("pics/day1/p.png"), 30, 20);
        Files.createDirectories(source.resolve("labels/day1"));
        Files.writeString(source.resolve("labels/day1/p.json"), "{\"labels\": [\"head\"], \"boxes\": [[1, 2, 11, 12]]}");
        ImportReport.Builder report = new ImportReport.Builder("tutorial", source);
        Dataset d = tutorial.read(source, report);
        assertEquals(List.of(1.0, 2.0, 11.0, 12.0), coords(only(d, "pics/day1/p.png", 0)));
        assertTrue(report.items().isEmpty(), report.items().toString());
    }
}
