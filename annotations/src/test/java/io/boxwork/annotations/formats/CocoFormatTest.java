package io.boxwork.annotations.formats;

import com.google.gson.JsonObject;
import io.boxwork.annotations.storage.JsonFiles;
import io.boxwork.annotations.storage.MalformedFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.boxwork.annotations.formats.FormatFixtures.image;
import static io.boxwork.annotations.formats.FormatFixtures.only;
import static org.junit.jupiter.api.Assertions.*;

class CocoFormatTest {
    @TempDir
    Path dir;

    private final CocoFormat coco = new CocoFormat();

    private Dataset read(String resource, ImportReport.Builder report) throws Exception {
        return coco.read(FormatFixtures.copyResource(resource, dir), report);
    }

    @Test
    void gappedCategoryIdsMapToClassesByName() throws Exception {
        Dataset d = read("coco/pretty", new ImportReport.Builder("coco", dir));
        assertEquals(List.of("cat", "dog", "bird"), d.classNames());
        assertEquals("cat", only(d, "a.png", 0).className());
        assertEquals("dog", only(d, "sub/b.png", 0).className());
        assertEquals("bird", image(d, "a.png").boxes().get(2).className());
    }

    @Test
    void bboxIsXYWidthHeightInPixels() throws Exception {
        Dataset d = read("coco/pretty", new ImportReport.Builder("coco", dir));
        DatasetBox b = only(d, "sub/b.png", 0);
        assertEquals(5.5, b.x1());
        assertEquals(4.25, b.y1());
        assertEquals(25.5, b.x2());
        assertEquals(14.25, b.y2());
        assertEquals(60, image(d, "sub/b.png").width());
        assertEquals(40, image(d, "sub/b.png").height());
    }

    @Test
    void imageIdsBeyond32BitsDoNotCollideWithSmallOnes() throws Exception {
        // 4294967297 truncated to 32 bits is 1: the boxes of sub/b.png would land on a.png.
        Dataset d = read("coco/pretty", new ImportReport.Builder("coco", dir));
        assertEquals(3, image(d, "a.png").boxes().size());
        assertEquals(1, image(d, "sub/b.png").boxes().size());
    }

    @Test
    void crowdAnnotationsAreSkippedWithAWarning() throws Exception {
        ImportReport.Builder report = new ImportReport.Builder("coco", dir);
        Dataset d = read("coco/pretty", report);
        List<ReportItem> crowd = report.items().stream().filter(i -> i.reason().contains("crowd")).toList();
        assertEquals(1, crowd.size());
        assertEquals(ReportItem.Kind.SKIPPED, crowd.get(0).kind());
        assertEquals(2, crowd.get(0).index());
        assertEquals(11, crowd.get(0).line());
        assertTrue(crowd.get(0).reason().contains("5000000003"), crowd.get(0).reason());
        assertTrue(image(d, "a.png").boxes().stream().noneMatch(b -> b.x1() == 0 && b.x2() == 50));
    }

    @Test
    void imagesWithoutAnnotationsAreKeptAsNegatives() throws Exception {
        Dataset d = read("coco/pretty", new ImportReport.Builder("coco", dir));
        assertEquals(3, d.images().size());
        assertTrue(image(d, "neg.png").boxes().isEmpty());
        assertEquals(1, d.negativeCount());
    }

    @Test
    void boxesReachingOutsideAreClippedAndBoxesWithNoAreaRejected() throws Exception {
        ImportReport.Builder report = new ImportReport.Builder("coco", dir);
        Dataset d = read("coco/pretty", report);
        DatasetBox clipped = only(d, "a.png", 1);
        assertEquals(List.of(90.0, 70.0, 100.0, 80.0), List.of(clipped.x1(), clipped.y1(), clipped.x2(), clipped.y2()));
        ImportReport r = report.build(d);
        assertEquals(1, r.count(ReportItem.Kind.CHANGED));
        assertEquals(3, r.items(ReportItem.Kind.CHANGED).get(0).index());
        List<ReportItem> noArea = r.items(ReportItem.Kind.SKIPPED).stream().filter(i -> i.reason().contains("no area")).toList();
        assertEquals(1, noArea.size());
        assertEquals(4, noArea.get(0).index());
        assertTrue(noArea.get(0).file().endsWith("annotations.json"));
    }

    @Test
    void oneLineJsonReadsTheSameAsPrettyJson() throws Exception {
        Dataset pretty = read("coco/pretty", new ImportReport.Builder("coco", dir));
        Dataset oneLine = read("coco/oneline", new ImportReport.Builder("coco", dir));
        assertEquals(pretty.classNames(), oneLine.classNames());
        assertEquals(pretty.images().stream().map(i -> i.path() + i.boxes()).toList(),
            oneLine.images().stream().map(i -> i.path() + i.boxes()).toList());
    }

    @Test
    void aMalformedFileIsReportedWithLineAndColumnAndLeftUntouched() throws Exception {
        Path file = dir.resolve("bad.json");
        String text = "{\n  \"images\": [],\n  \"categories\": [{\"id\": 1 \"name\": \"cat\"}]\n}\n";
        Files.writeString(file, text);
        MalformedFileException e = assertThrows(MalformedFileException.class,
            () -> coco.read(file, new ImportReport.Builder("coco", file)));
        assertEquals(3, e.line());
        assertTrue(e.column() > 20, "column " + e.column());
        assertEquals(file, e.file());
        assertEquals(text, Files.readString(file));
    }

    @Test
    void aBboxOfTheWrongShapeIsSkippedWithItsLine() throws Exception {
        Path file = dir.resolve("shape.json");
        Files.writeString(file, """
            {"images": [{"id": 1, "file_name": "x.png", "width": 10, "height": 10}],
             "categories": [{"id": 1, "name": "cat"}],
             "annotations": [
               {"id": 1, "image_id": 1, "category_id": 1, "bbox": [1, 1, 2]},
               {"id": 2, "image_id": 1, "category_id": 1, "bbox": [1, 1, 2, 2]}
             ]}
            """);
        ImportReport.Builder report = new ImportReport.Builder("coco", file);
        Dataset d = coco.read(file, report);
        assertEquals(1, d.boxCount());
        ReportItem item = report.items().get(0);
        assertEquals(ReportItem.Kind.SKIPPED, item.kind());
        assertEquals(4, item.line());
        assertEquals(0, item.index());
    }

    @Test
    void writtenFilesCarryAreaCrowdFlagAndImageSizes() throws Exception {
        Dataset d = new Dataset(List.of("cat", "dog"), List.of(
            new DatasetImage("x/one.png", null, 64, 48, List.of(DatasetBox.of("dog", 1.5, 2, 11.5, 7))),
            new DatasetImage("two.png", null, 32, 32, List.of())));
        coco.write(d, dir);
        JsonObject root = JsonFiles.read(dir.resolve("annotations.json")).getAsJsonObject();
        JsonObject image = root.getAsJsonArray("images").get(0).getAsJsonObject();
        assertEquals(64, image.get("width").getAsInt());
        assertEquals(48, image.get("height").getAsInt());
        assertEquals("x/one.png", image.get("file_name").getAsString());
        JsonObject a = root.getAsJsonArray("annotations").get(0).getAsJsonObject();
        assertEquals(50.0, a.get("area").getAsDouble());
        assertEquals(0, a.get("iscrowd").getAsInt());
        assertEquals(2, a.get("category_id").getAsInt());
        assertEquals("[1.5,2,10,5]", a.get("bbox").toString());
        assertEquals(2, root.getAsJsonArray("categories").size());
        assertEquals(2, root.getAsJsonArray("images").size());
    }

    @Test
    void aFileNameListedTwiceIsTakenOnce() throws Exception {
        Path file = dir.resolve("twice.json");
        Files.writeString(file, """
            {"images": [{"id": 1, "file_name": "x.png", "width": 10, "height": 10},
                        {"id": 2, "file_name": "./x.png", "width": 10, "height": 10}],
             "categories": [{"id": 1, "name": "cat"}],
             "annotations": [{"id": 1, "image_id": 2, "category_id": 1, "bbox": [1, 1, 2, 2]}]}
            """);
        ImportReport.Builder report = new ImportReport.Builder("coco", file);
        Dataset d = coco.read(file, report);
        assertEquals(1, d.images().size());
        assertEquals(0, d.boxCount());
        assertEquals(List.of(1, 0), report.items().stream().map(ReportItem::index).toList());
        assertTrue(report.items().get(1).reason().contains("refers to image 2"), report.items().get(1).reason());
    }

    @Test
    void anImageWithOnlyCrowdRegionsIsNoted() throws Exception {
        Path file = dir.resolve("crowd.json");
        Files.writeString(file, """
            {"images": [{"id": 1, "file_name": "x.png", "width": 10, "height": 10}],
             "categories": [{"id": 1, "name": "person"}],
             "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [1, 1, 5, 5], "iscrowd": 1}]}
            """);
        ImportReport.Builder report = new ImportReport.Builder("coco", file);
        Dataset d = coco.read(file, report);
        assertEquals(1, d.negativeCount());
        ImportReport r = report.build(d);
        assertEquals(1, r.count(ReportItem.Kind.SKIPPED));
        assertEquals(1, r.count(ReportItem.Kind.NOTE));
        assertTrue(r.items(ReportItem.Kind.NOTE).get(0).reason().contains("only crowd regions"));
    }

    @Test
    void aFileWithoutTheCocoListsIsRefusedWithWhatIsMissing() throws Exception {
        Path results = dir.resolve("results.json");
        Files.writeString(results, "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 1, 2, 2], \"score\": 0.5}]\n");
        MalformedFileException notAnObject = assertThrows(MalformedFileException.class,
            () -> coco.read(results, new ImportReport.Builder("coco", results)));
        assertEquals(1, notAnObject.line());
        Path noImages = dir.resolve("no-images.json");
        Files.writeString(noImages, "{\"categories\": [], \"annotations\": []}\n");
        MalformedFileException missing = assertThrows(MalformedFileException.class,
            () -> coco.read(noImages, new ImportReport.Builder("coco", noImages)));
        assertEquals("$.images", missing.location());
    }
}
