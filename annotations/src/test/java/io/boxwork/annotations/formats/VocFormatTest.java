package io.boxwork.annotations.formats;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.boxwork.annotations.formats.FormatFixtures.image;
import static io.boxwork.annotations.formats.FormatFixtures.only;
import static org.junit.jupiter.api.Assertions.*;

class VocFormatTest {
    @TempDir
    Path dir;

    private final VocFormat voc = new VocFormat();
    private Path source;

    @BeforeEach
    void copyFilesAndMakeTheirImages() throws Exception {
        source = FormatFixtures.copyResource("voc", dir);
        FormatFixtures.gray(source.resolve("gray1.png"), 40, 30);
        FormatFixtures.rgba(source.resolve("rgba4.png"), 64, 48);
        FormatFixtures.palette(source.resolve("sub/zero.png"), 20, 20);
    }

    private static List<Double> coords(DatasetBox b) {
        return List.of(b.x1(), b.y1(), b.x2(), b.y2());
    }

    @Test
    void oneBasedInclusivePixelsBecomeZeroBasedEdges() throws Exception {
        Dataset d = voc.read(source, new ImportReport.Builder("voc", source));
        assertEquals(List.of(0.0, 0.0, 40.0, 30.0), coords(only(d, "gray1.png", 0)));
        assertEquals(List.of(4.0, 5.0, 15.0, 16.0), coords(only(d, "gray1.png", 1)));
        assertEquals(List.of("cat", "dog"), d.classNames());
    }

    @Test
    void difficultAndTruncatedAreKeptAndSurviveWritingAndReadingAgain() throws Exception {
        Dataset d = voc.read(source, new ImportReport.Builder("voc", source));
        assertTrue(only(d, "gray1.png", 0).difficult());
        assertFalse(only(d, "gray1.png", 0).truncated());
        assertTrue(only(d, "gray1.png", 1).truncated());
        assertFalse(only(d, "gray1.png", 1).difficult());

        Path out = dir.resolve("out");
        voc.write(d, out);
        for (DatasetImage i : d.images()) Files.copy(i.file(), Files.createDirectories(out.resolve(i.path()).getParent()).resolve(i.file().getFileName()));
        Dataset again = voc.read(out, new ImportReport.Builder("voc", out));
        assertEquals(d.classNames(), again.classNames());
        for (DatasetImage i : d.images()) assertEquals(i.boxes(), image(again, i.path()).boxes(), i.path());
    }

    @Test
    void aStaleAbsolutePathIsIgnoredForTheImageBesideTheFile() throws Exception {
        Dataset d = voc.read(source, new ImportReport.Builder("voc", source));
        assertEquals(source.resolve("gray1.png"), image(d, "gray1.png").file());
        // rgba4.xml names an image that no longer exists; its own base name finds the image.
        assertEquals(source.resolve("rgba4.png"), image(d, "rgba4.png").file());
        assertEquals(source.resolve("sub/zero.png"), image(d, "sub/zero.png").file());
    }

    @Test
    void depthOneAndFourFilesAreRead() throws Exception {
        Dataset d = voc.read(source, new ImportReport.Builder("voc", source));
        assertEquals(40, image(d, "gray1.png").width());
        assertEquals(48, image(d, "rgba4.png").height());
        assertEquals(2, image(d, "rgba4.png").boxes().size());
    }

    @Test
    void writtenDepthFollowsTheImage() throws Exception {
        assertEquals(1, VocFormat.depthOf(source.resolve("gray1.png")));
        assertEquals(4, VocFormat.depthOf(source.resolve("rgba4.png")));
        assertEquals(3, VocFormat.depthOf(source.resolve("sub/zero.png")));
        assertEquals(3, VocFormat.depthOf(FormatFixtures.rgb(dir.resolve("rgb.png"), 4, 4)));
    }

    @Test
    void outOfImageBoxesAreClippedAndEmptyOnesRejectedWithTheirIndex() throws Exception {
        ImportReport.Builder report = new ImportReport.Builder("voc", source);
        Dataset d = voc.read(source, report);
        assertEquals(List.of(30.0, 30.0, 64.0, 40.0), coords(only(d, "rgba4.png", 1)));
        ImportReport r = report.build(d);
        ReportItem clipped = r.items(ReportItem.Kind.CHANGED).get(0);
        assertEquals(source.resolve("rgba4.xml"), clipped.file());
        assertEquals(1, clipped.index());
        ReportItem empty = r.items(ReportItem.Kind.SKIPPED).stream().filter(i -> i.reason().contains("no area")).findFirst().orElseThrow();
        assertEquals(source.resolve("sub/zero.xml"), empty.file());
        assertEquals(0, empty.index());
        assertEquals(List.of(List.of(2.0, 2.0, 9.0, 9.0)), image(d, "sub/zero.png").boxes().stream().map(VocFormatTest::coords).toList());
    }

    @Test
    void aValueThatIsNotANumberIsReportedWithItsLine() throws Exception {
        ImportReport.Builder report = new ImportReport.Builder("voc", source);
        voc.read(source, report);
        ReportItem bad = report.items().stream().filter(i -> i.reason().contains("abc")).findFirst().orElseThrow();
        assertEquals(ReportItem.Kind.SKIPPED, bad.kind());
        assertEquals(15, bad.line());
        assertEquals(1, bad.index());
    }

    @Test
    void malformedXmlIsReportedWithItsLineAndLeftUntouched() throws Exception {
        byte[] before = Files.readAllBytes(source.resolve("broken.xml"));
        ImportReport.Builder report = new ImportReport.Builder("voc", source);
        Dataset d = voc.read(source, report);
        ReportItem broken = report.items().stream().filter(i -> source.resolve("broken.xml").equals(i.file())).findFirst().orElseThrow();
        assertEquals(9, broken.line());
        assertTrue(broken.reason().startsWith("malformed XML"), broken.reason());
        assertEquals(3, d.images().size());
        assertArrayEquals(before, Files.readAllBytes(source.resolve("broken.xml")));
    }

    @Test
    void writingRoundsToWholePixelsWithoutLosingThinBoxes() {
        DatasetImage image = new DatasetImage("a/b.png", null, 50, 50, List.of(
            DatasetBox.of("cat", 9.6, 0.2, 20.4, 30.5), DatasetBox.of("cat", 3.4, 3.4, 3.6, 3.6)));
        String xml = VocFormat.toXml(image, 3);
        assertTrue(xml.contains("<xmin>11</xmin>") && xml.contains("<ymin>1</ymin>") && xml.contains("<xmax>20</xmax>")
            && xml.contains("<ymax>31</ymax>"), xml);
        assertTrue(xml.contains("<xmin>4</xmin>") && xml.contains("<xmax>4</xmax>"), xml);
        assertTrue(xml.contains("<filename>b.png</filename>") && xml.contains("<folder>a</folder>"), xml);
    }

    @Test
    void annotationsAndJpegImagesFoldersOfTheVocDevkitAreRead() throws Exception {
        Path devkit = dir.resolve("VOC2007");
        FormatFixtures.jpeg(devkit.resolve("JPEGImages/000005.jpg"), 50, 40);
        Files.createDirectories(devkit.resolve("Annotations"));
        Files.writeString(devkit.resolve("Annotations/000005.xml"), """
            <annotation><filename>000005</filename>
              <object><name>chair</name><bndbox><xmin>2</xmin><ymin>3</ymin><xmax>20</xmax><ymax>30</ymax></bndbox></object>
            </annotation>
            """);
        ImportReport.Builder report = new ImportReport.Builder("voc", devkit);
        Dataset d = voc.read(devkit, report);
        DatasetImage image = image(d, "JPEGImages/000005.jpg");
        assertEquals(devkit.resolve("JPEGImages/000005.jpg"), image.file());
        assertEquals(50, image.width());
        assertEquals(List.of(1.0, 2.0, 20.0, 30.0), coords(image.boxes().get(0)));
        assertTrue(report.items().isEmpty(), report.items().toString());
    }
}
