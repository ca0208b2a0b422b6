package io.boxwork.engine.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.boxwork.annotations.formats.AnnotationFormat;
import io.boxwork.annotations.formats.ImportReport;
import io.boxwork.annotations.formats.ProjectImporter;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.stats.DatasetStatistics;
import io.boxwork.annotations.storage.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliDataCommandsTest {

    @Test
    void importWithJsonPrintsTheSameReportTheLibraryMakes(@TempDir Path dir) throws Exception {
        Path coco = CocoFixture.write(dir.resolve("coco"), 6, 64, 1);

        JsonObject cli = CliRun.of("import", "--format", "coco", coco.toString(), "--project", dir.resolve("p1").toString(), "--json")
            .json().getAsJsonObject();

        ImportReport library;
        try (Project p = Project.create(dir.resolve("p2"), ProjectSettings.create("p2", List.of()))) {
            library = ProjectImporter.importInto(p, AnnotationFormat.named("coco"), coco, ProjectImporter.Options.defaults());
        }
        JsonObject expected = library.toJson();
        assertEquals(expected.get("images"), cli.get("images"));
        assertEquals(expected.get("boxes"), cli.get("boxes"));
        assertEquals(expected.get("classes"), cli.get("classes"));
        assertEquals(6, cli.get("images").getAsInt());
        assertEquals(9, cli.get("boxes").getAsInt());
        assertTrue(Project.isProject(dir.resolve("p1")));
    }

    @Test
    void statsAndAnchorsWithJsonMatchTheLibrary(@TempDir Path dir) throws Exception {
        Path coco = CocoFixture.write(dir.resolve("coco"), 6, 64, 2);
        assertEquals(0, CliRun.of("import", "--format", "coco", coco.toString(), "--project", dir.resolve("p").toString()).exitCode());

        JsonObject stats = CliRun.of("stats", "--project", dir.resolve("p").toString(), "--json").json().getAsJsonObject();
        DatasetStatistics lib = DatasetStatistics.of(Project.openReadOnly(dir.resolve("p")));
        assertEquals(lib.all().boxes(), stats.getAsJsonObject("all").get("boxes").getAsLong());
        assertEquals(lib.all().images(), stats.getAsJsonObject("all").get("images").getAsInt());

        JsonObject anchors = CliRun.of("anchors", "--project", dir.resolve("p").toString(), "--json").json().getAsJsonObject();
        assertEquals(9, anchors.get("boxes").getAsInt());
        double share = anchors.get("share_iou_at_least_0.5").getAsDouble();
        assertTrue(share >= 0 && share <= 1);
        assertEquals(2, anchors.getAsJsonArray("per_class").size());
    }

    @Test
    void exportWritesADatasetThatImportsBackWithTheSameBoxes(@TempDir Path dir) throws Exception {
        Path coco = CocoFixture.write(dir.resolve("coco"), 4, 64, 3);
        CliRun.of("import", "--format", "coco", coco.toString(), "--project", dir.resolve("p").toString());

        JsonObject summary = CliRun.of("export", "--format", "voc", "--project", dir.resolve("p").toString(),
            dir.resolve("voc").toString(), "--json").json().getAsJsonObject();
        assertEquals(4, summary.get("images").getAsInt());
        JsonObject back = CliRun.of("import", "--format", "voc", dir.resolve("voc").toString(), "--project",
            dir.resolve("q").toString(), "--json").json().getAsJsonObject();
        assertEquals(summary.get("boxes").getAsInt(), back.get("boxes").getAsInt());
    }

    @Test
    void evalOnACocoPairGivesTheTwelveNumbersAndVocMap(@TempDir Path dir) throws Exception {
        Path coco = CocoFixture.write(dir.resolve("coco"), 4, 64, 4);
        JsonObject gt = JsonParser.parseString(Files.readString(coco.resolve("annotations.json"))).getAsJsonObject();
        JsonArray dets = new JsonArray();
        for (JsonElement e : gt.getAsJsonArray("annotations")) {
            JsonObject a = e.getAsJsonObject();
            JsonObject d = new JsonObject();
            d.add("image_id", a.get("image_id"));
            d.add("category_id", a.get("category_id"));
            d.add("bbox", a.get("bbox"));
            d.addProperty("score", 0.9);
            dets.add(d);
        }
        Path detsFile = dir.resolve("dets.json");
        Files.writeString(detsFile, dets.toString());

        JsonObject out = CliRun.of("eval", "--gt", coco.resolve("annotations.json").toString(), "--dets", detsFile.toString(), "--json")
            .json().getAsJsonObject();

        for (String key : List.of("AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl", "VOC_mAP50")) {
            assertTrue(out.has(key), "missing " + key);
        }
        assertEquals(1.0, out.get("AP").getAsDouble(), 1e-9);
        assertEquals(1.0, out.get("VOC_mAP50").getAsDouble(), 1e-9);
        assertEquals(1.0, out.getAsJsonObject("per_class_AP50").get("cat").getAsDouble(), 1e-9);
    }

    @Test
    void badInputExitsNonZeroWithOneLineAndNoStackTrace(@TempDir Path dir) {
        CliRun missing = CliRun.of("stats", "--project", dir.resolve("nowhere").toString());
        assertEquals(CliErrors.BAD_INPUT, missing.exitCode());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("boxwork.json"), missing.err());
        assertFalse(missing.err().contains("\tat "), missing.err());

        CliRun format = CliRun.of("import", "--format", "csv", dir.toString(), "--project", dir.resolve("p").toString());
        assertEquals(CliErrors.BAD_INPUT, format.exitCode());
        assertTrue(format.err().contains("unknown annotation format 'csv'"), format.err());

        CliRun unknownOption = CliRun.of("eval", "--frobnicate");
        assertEquals(CliErrors.BAD_INPUT, unknownOption.exitCode());
    }
}
