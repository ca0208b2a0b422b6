package io.boxwork.annotations.formats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.boxwork.annotations.formats.FormatFixtures.image;
import static io.boxwork.annotations.formats.FormatFixtures.only;
import static org.junit.jupiter.api.Assertions.*;

class YoloFormatTest {
    @TempDir
    Path dir;

    private final YoloFormat yolo = new YoloFormat();

    private Path dictDataset() throws Exception {
        Path source = FormatFixtures.copyResource("yolo/dict", dir);
        FormatFixtures.rgb(source.resolve("images/a.png"), 100, 50);
        FormatFixtures.gray(source.resolve("images/sub/b.png"), 80, 40);
        FormatFixtures.palette(source.resolve("images/neg.png"), 30, 30);
        return source;
    }

    private static List<Double> coords(DatasetBox b) {
        return List.of(b.x1(), b.y1(), b.x2(), b.y2());
    }

    @Test
    void normalisedCentresAndSizesBecomePixelCorners() throws Exception {
        Path source = dictDataset();
        Dataset d = yolo.read(source, new ImportReport.Builder("yolo", source));
        assertEquals(List.of("cat", "dog"), d.classNames());
        assertEquals(List.of(40.0, 15.0, 60.0, 35.0), coords(only(d, "a.png", 0)));
        assertEquals("cat", only(d, "a.png", 0).className());
        assertEquals(List.of(0.0, 0.0, 40.0, 20.0), coords(only(d, "sub/b.png", 0)));
    }

    @Test
    void imagesWithoutALabelFileAreNegatives() throws Exception {
        Path source = dictDataset();
        Dataset d = yolo.read(source, new ImportReport.Builder("yolo", source));
        assertEquals(List.of("a.png", "neg.png", "sub/b.png"), d.images().stream().map(DatasetImage::path).toList());
        assertTrue(image(d, "neg.png").boxes().isEmpty());
        assertEquals(30, image(d, "neg.png").width());
    }

    @Test
    void aLabelFileWithoutAnImageIsReportedNotFatal() throws Exception {
        Path source = dictDataset();
        ImportReport.Builder report = new ImportReport.Builder("yolo", source);
        yolo.read(source, report);
        List<ReportItem> orphans = report.items().stream().filter(i -> i.reason().contains("without an image")).toList();
        assertEquals(1, orphans.size());
        assertEquals(source.resolve("labels/orphan.txt"), orphans.get(0).file());
    }

    @Test
    void malformedLinesAreReportedWithFileAndLineNumberAndTheRestIsKept() throws Exception {
        Path source = dictDataset();
        ImportReport.Builder report = new ImportReport.Builder("yolo", source);
        Dataset d = yolo.read(source, report);
        assertEquals(1, image(d, "sub/b.png").boxes().size());
        Path b = source.resolve("labels/sub/b.txt");
        List<Integer> badLines = report.items().stream().filter(i -> b.equals(i.file()))
            .filter(i -> i.kind() == ReportItem.Kind.SKIPPED).map(ReportItem::line).toList();
        assertEquals(List.of(2, 4, 5, 6), badLines);
        assertTrue(report.items().stream().anyMatch(i -> i.line() == 4 && i.reason().contains("class 7")));
    }

    @Test
    void aBoxReachingOutOfTheImageIsClippedAndCounted() throws Exception {
        Path source = dictDataset();
        ImportReport.Builder report = new ImportReport.Builder("yolo", source);
        Dataset d = yolo.read(source, report);
        assertEquals(List.of(85.0, 0.0, 100.0, 10.0), coords(only(d, "a.png", 1)));
        ImportReport r = report.build(d);
        assertEquals(1, r.count(ReportItem.Kind.CHANGED));
        assertEquals(2, r.items(ReportItem.Kind.CHANGED).get(0).line());
    }

    @Test
    void classesTxtNamesTheClassesAndLabelsMayLieBesideTheImages() throws Exception {
        Path source = FormatFixtures.copyResource("yolo/classes", dir);
        FormatFixtures.rgba(source.resolve("x.png"), 10, 10);
        ImportReport.Builder report = new ImportReport.Builder("yolo", source);
        Dataset d = yolo.read(source, report);
        assertEquals(List.of("cat", "dog", "bird"), d.classNames());
        assertEquals("bird", only(d, "x.png", 0).className());
        assertEquals(List.of(0.0, 0.0, 10.0, 10.0), coords(only(d, "x.png", 0)));
        assertTrue(report.items().isEmpty(), report.items().toString());
    }

    @Test
    void aSymlinkedImageFolderIsFollowed() throws Exception {
        Path real = dir.resolve("elsewhere/pictures");
        FormatFixtures.rgb(real.resolve("c.png"), 20, 10);
        FormatFixtures.rgb(real.resolve("deeper/d.png"), 20, 10);
        Path source = dir.resolve("linked");
        Files.createDirectories(source.resolve("labels/deeper"));
        Files.createSymbolicLink(source.resolve("images"), real);
        Files.writeString(source.resolve("data.yaml"), "names:\n  - cat\n  - dog\n");
        Files.writeString(source.resolve("labels/c.txt"), "1 0.5 0.5 0.5 0.5\n");
        Files.writeString(source.resolve("labels/deeper/d.txt"), "0.0 0.5 0.5 1 1\n");
        Dataset d = yolo.read(source, new ImportReport.Builder("yolo", source));
        assertEquals(List.of("c.png", "deeper/d.png"), d.images().stream().map(DatasetImage::path).toList());
        assertEquals(List.of(5.0, 2.5, 15.0, 7.5), coords(only(d, "c.png", 0)));
        assertEquals("cat", only(d, "deeper/d.png", 0).className());
    }

    @Test
    void writtenLabelsReadBackWithinAMillionthOfTheImage() throws Exception {
        Path out = dir.resolve("out");
        Dataset d = new Dataset(List.of("cat", "dog"), List.of(
            new DatasetImage("p/q.png", null, 640, 480, List.of(DatasetBox.of("dog", 10.3, 20.7, 300.1, 222.2))),
            new DatasetImage("neg.png", null, 64, 48, List.of())));
        yolo.write(d, out);
        FormatFixtures.rgb(out.resolve("images/p/q.png"), 640, 480);
        FormatFixtures.rgb(out.resolve("images/neg.png"), 64, 48);
        assertEquals("", Files.readString(out.resolve("labels/neg.txt")));
        Dataset again = yolo.read(out, new ImportReport.Builder("yolo", out));
        assertEquals(d.classNames(), again.classNames());
        DatasetBox b = only(again, "p/q.png", 0);
        assertEquals(10.3, b.x1(), 640e-6);
        assertEquals(20.7, b.y1(), 480e-6);
        assertEquals(300.1, b.x2(), 640e-6);
        assertEquals(222.2, b.y2(), 480e-6);
        assertTrue(image(again, "neg.png").boxes().isEmpty());
    }

    @Test
    void perSplitFoldersWithImagesAndLabelsInsideAreRead() throws Exception {
        Path source = dir.resolve("roboflow");
        FormatFixtures.rgb(source.resolve("train/images/t.jpg"), 40, 20);
        FormatFixtures.rgb(source.resolve("valid/images/v.png"), 40, 20);
        Files.createDirectories(source.resolve("train/labels"));
        Files.createDirectories(source.resolve("valid/labels"));
        Files.writeString(source.resolve("data.yaml"), "train: ../train/images\nval: ../valid/images\nnc: 2\nnames: ['ant', 'bee']\n");
        Files.writeString(source.resolve("README.dataset.txt"), "exported from somewhere\n");
        Files.writeString(source.resolve("train/labels/t.txt"), "1 0.5 0.5 0.5 0.5\n");
        Files.writeString(source.resolve("valid/labels/gone.txt"), "0 0.5 0.5 0.5 0.5\n");
        ImportReport.Builder report = new ImportReport.Builder("yolo", source);
        Dataset d = yolo.read(source, report);
        assertEquals(List.of("train/images/t.jpg", "valid/images/v.png"), d.images().stream().map(DatasetImage::path).toList());
        assertEquals("bee", only(d, "train/images/t.jpg", 0).className());
        assertEquals(List.of(10.0, 5.0, 30.0, 15.0), coords(only(d, "train/images/t.jpg", 0)));
        assertEquals(List.of(source.resolve("valid/labels/gone.txt")), report.items().stream().map(ReportItem::file).toList());
    }

    @Test
    void anUnreadableImageIsLeftOutAndReported() throws Exception {
        Path source = dictDataset();
        Files.writeString(source.resolve("images/corrupt.png"), "not a png at all");
        ImportReport.Builder report = new ImportReport.Builder("yolo", source);
        Dataset d = yolo.read(source, report);
        assertEquals(3, d.images().size());
        assertTrue(report.items().stream().anyMatch(i -> source.resolve("images/corrupt.png").equals(i.file())
            && i.kind() == ReportItem.Kind.SKIPPED && i.reason().contains("header")), report.items().toString());
    }
}
