package io.boxwork.annotations.formats;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.model.LabelClass;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.storage.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ProjectImporterTest {
    @TempDir
    Path dir;

    private Path coco;
    private Project project;

    @BeforeEach
    void cocoDatasetAndAProjectWithClassesOfItsOwn() throws Exception {
        coco = FormatFixtures.copyResource("coco/pretty", dir);
        FormatFixtures.rgb(coco.resolve("images/a.png"), 100, 80);
        FormatFixtures.gray(coco.resolve("images/sub/b.png"), 60, 40);
        FormatFixtures.palette(coco.resolve("images/neg.png"), 50, 50);
        project = Project.create(dir.resolve("project"), ProjectSettings.create("p", List.of("dog", "fish")));
    }

    @AfterEach
    void close() throws Exception {
        project.close();
    }

    private ImportReport importWith(ImageTransfer transfer, ProjectImporter.ExistingLabels existing) throws Exception {
        return ProjectImporter.importInto(project, new CocoFormat(), coco, new ProjectImporter.Options(transfer, existing));
    }

    @Test
    void classesMergeByNameIntoTheProjectsOwn() throws Exception {
        ImportReport report = importWith(ImageTransfer.COPY, ProjectImporter.ExistingLabels.KEEP);
        ProjectSettings s = project.settings();
        assertEquals(List.of("dog:1", "fish:2", "cat:3", "bird:4"),
            s.classes().stream().map(c -> c.name() + ":" + c.id()).toList());
        ImageLabels b = project.labels("sub/b.png");
        assertEquals(List.of(1), b.boxes().stream().map(Box::classId).toList());
        assertEquals(List.of(3, 3, 4), project.labels("a.png").boxes().stream().map(Box::classId).toList());
        assertEquals(ImageStatus.DONE, b.status());
        assertEquals(3, report.images());
        assertEquals(4, report.boxes());
        assertEquals(3, report.classes());
        assertEquals(1, report.negatives());
    }

    @Test
    void imagesAreCopiedUnderTheirRelativePathsAndListed() throws Exception {
        importWith(ImageTransfer.COPY, ProjectImporter.ExistingLabels.KEEP);
        assertEquals(List.of("a.png", "neg.png", "sub/b.png"), project.images());
        assertFalse(Files.isSymbolicLink(project.imageFile("sub/b.png")));
        assertEquals(-1, Files.mismatch(coco.resolve("images/sub/b.png"), project.imageFile("sub/b.png")));
        assertTrue(project.hasLabels("neg.png"));
        assertTrue(project.labels("neg.png").boxes().isEmpty());
    }

    @Test
    void linkedImagesPointAtTheOriginals() throws Exception {
        importWith(ImageTransfer.LINK, ProjectImporter.ExistingLabels.KEEP);
        Path linked = project.imageFile("sub/b.png");
        assertTrue(Files.isSymbolicLink(linked));
        assertEquals(coco.resolve("images/sub/b.png").toRealPath(), linked.toRealPath());
    }

    @Test
    void existingLabelsAreKeptUnlessAskedToMergeOrReplace() throws Exception {
        Files.createDirectories(project.imageFile("a.png").getParent());
        Files.copy(coco.resolve("images/a.png"), project.imageFile("a.png"));
        ImageLabels mine = new ImageLabels("a.png", 100, 80, ImageStatus.REVIEWED, List.of(Box.manual(7, 1, 5, 5, 15, 15)));
        project.saveLabels(mine);

        ImportReport kept = importWith(ImageTransfer.COPY, ProjectImporter.ExistingLabels.KEEP);
        assertEquals(mine, project.labels("a.png"));
        assertTrue(kept.items(ReportItem.Kind.SKIPPED).stream().anyMatch(i -> i.reason().contains("already has labels")));

        importWith(ImageTransfer.COPY, ProjectImporter.ExistingLabels.MERGE);
        ImageLabels merged = project.labels("a.png");
        assertEquals(4, merged.boxes().size());
        assertEquals(mine.boxes().get(0), merged.boxes().get(0));
        assertEquals(List.of(7L, 8L, 9L, 10L), merged.boxes().stream().map(Box::id).toList());
        assertEquals(ImageStatus.REVIEWED, merged.status());

        importWith(ImageTransfer.COPY, ProjectImporter.ExistingLabels.MERGE);
        assertEquals(4, project.labels("a.png").boxes().size(), "merging the same boxes twice adds nothing");

        importWith(ImageTransfer.COPY, ProjectImporter.ExistingLabels.REPLACE);
        assertEquals(3, project.labels("a.png").boxes().size());
    }

    @Test
    void aDifferentImageAlreadyAtThePathIsLeftAloneWithItsLabels() throws Exception {
        FormatFixtures.rgb(project.imageFile("a.png"), 10, 10);
        byte[] before = Files.readAllBytes(project.imageFile("a.png"));
        ImportReport report = importWith(ImageTransfer.COPY, ProjectImporter.ExistingLabels.REPLACE);
        assertArrayEquals(before, Files.readAllBytes(project.imageFile("a.png")));
        assertFalse(project.hasLabels("a.png"));
        assertTrue(report.items(ReportItem.Kind.SKIPPED).stream().anyMatch(i -> i.reason().contains("different image")));
        assertEquals(2, report.images());
    }

    @Test
    void anImageWhoseFileIsMissingIsSkipped() throws Exception {
        Files.delete(coco.resolve("images/neg.png"));
        ImportReport report = importWith(ImageTransfer.COPY, ProjectImporter.ExistingLabels.KEEP);
        assertEquals(2, report.images());
        assertTrue(report.items(ReportItem.Kind.SKIPPED).stream().anyMatch(i -> i.reason().contains("'neg.png' was not found")));
        assertFalse(project.hasLabels("neg.png"));
    }

    @Test
    void theReportPrintsAsTextAndAsJson() throws Exception {
        ImportReport report = importWith(ImageTransfer.COPY, ProjectImporter.ExistingLabels.KEEP);
        String text = report.toText();
        assertTrue(text.contains("images:    3 (1 without boxes)"), text);
        assertTrue(text.contains("boxes:     4"), text);
        assertTrue(text.contains("annotations.json:11 #2: annotation 5000000003 is a crowd region"), text);
        JsonObject json = JsonParser.parseString(report.toJsonText()).getAsJsonObject();
        assertEquals(3, json.get("images").getAsInt());
        assertEquals(4, json.get("boxes").getAsInt());
        assertEquals(1, json.get("negatives").getAsInt());
        assertEquals(report.items().size(), json.getAsJsonArray("items").size());
        JsonObject first = json.getAsJsonArray("items").get(0).getAsJsonObject();
        assertTrue(first.has("kind") && first.has("reason"));
        assertEquals(List.of("dog", "fish", "cat", "bird"),
            ProjectImporter.mergedClasses(ProjectSettings.create("x", List.of("dog", "fish")),
                new Dataset(List.of("cat", "dog", "bird"), List.of())).stream().map(LabelClass::name).toList());
    }

    @Test
    void aSizeThatDisagreesWithTheImageHeaderIsNoted() throws Exception {
        FormatFixtures.rgb(coco.resolve("images/a.png"), 90, 80);
        ImportReport report = importWith(ImageTransfer.COPY, ProjectImporter.ExistingLabels.KEEP);
        List<ReportItem> notes = report.items(ReportItem.Kind.NOTE).stream().filter(i -> i.reason().contains("size")).toList();
        assertEquals(1, notes.size(), report.toText());
        assertTrue(notes.get(0).reason().contains("100x80 but the image file is 90x80"), notes.get(0).reason());
        assertEquals(100, project.labels("a.png").width());
    }

    @Test
    void anImageTypeTheProjectCannotHoldIsSkipped() throws Exception {
        Path file = dir.resolve("tif/annotations.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file.getParent().resolve("scan.tif"), "II*");
        Files.writeString(file, """
            {"images": [{"id": 1, "file_name": "scan.tif", "width": 10, "height": 10}],
             "categories": [{"id": 1, "name": "cat"}], "annotations": []}
            """);
        ImportReport report = ProjectImporter.importInto(project, new CocoFormat(), file, ProjectImporter.Options.defaults());
        assertEquals(0, report.images());
        assertTrue(report.items(ReportItem.Kind.SKIPPED).get(0).reason().contains("not a JPEG, PNG or BMP"));
        assertFalse(Files.exists(project.imageFile("scan.tif")));
    }

    @Test
    void progressIsToldPerImageAndAnInterruptStopsBetweenImages() throws Exception {
        List<String> seen = new ArrayList<>();
        ProjectImporter.importInto(project, new CocoFormat(), coco, ProjectImporter.Options.defaults(),
            (done, total) -> seen.add(done + "/" + total));
        assertEquals(List.of("0/3", "1/3", "2/3", "3/3"), seen);

        try (Project other = Project.create(dir.resolve("other"), ProjectSettings.create("o", List.of()))) {
            InterruptedIOException stopped = assertThrows(InterruptedIOException.class, () ->
                ProjectImporter.importInto(other, new CocoFormat(), coco, ProjectImporter.Options.defaults(), (done, total) -> {
                    if (done == 1) Thread.currentThread().interrupt();
                }));
            assertTrue(stopped.getMessage().contains("after 1 of 3"), stopped.getMessage());
            assertEquals(List.of("a.png"), other.images());
            assertTrue(other.hasLabels("a.png"));
        }
    }
}
