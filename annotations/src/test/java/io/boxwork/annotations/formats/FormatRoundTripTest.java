package io.boxwork.annotations.formats;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.model.LabelClass;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.storage.Project;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Project -> export -> import into a new project gives back the classes, images and boxes, to each format's precision. */
class FormatRoundTripTest {
    @TempDir
    Path dir;

    private Project labelledProject() throws Exception {
        Project p = Project.create(dir.resolve("first"), ProjectSettings.create("first", List.of("cat", "dog", "bird")));
        FormatFixtures.rgb(p.imageFile("a.png"), 100, 80);
        FormatFixtures.gray(p.imageFile("sub/b.png"), 64, 48);
        FormatFixtures.rgba(p.imageFile("c.png"), 50, 40);
        FormatFixtures.palette(p.imageFile("d.png"), 30, 20);
        FormatFixtures.jpeg(p.imageFile("e.jpg"), 40, 40);
        p.rescanImages();
        p.saveLabels(new ImageLabels("a.png", 100, 80, ImageStatus.DONE, List.of(
            Box.manual(1, 1, 10.25f, 20.5f, 40.75f, 60f), Box.manual(2, 2, 0, 0, 100, 80))));
        p.saveLabels(new ImageLabels("sub/b.png", 64, 48, ImageStatus.DONE, List.of(Box.manual(1, 3, 5.5f, 4.4f, 20.2f, 30.6f))));
        p.saveLabels(new ImageLabels("c.png", 50, 40, ImageStatus.DONE, List.of(Box.manual(4, 2, 1, 1, 2, 2))));
        p.saveLabels(new ImageLabels("d.png", 30, 20, ImageStatus.DONE, List.of(
            Box.manual(1, 1, 3, 3, 27, 17), Box.predicted(2, 2, 0, 0, 10, 10, 0.9f))));
        p.saveLabels(new ImageLabels("e.jpg", 40, 40, ImageStatus.DONE, List.of()));
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"coco", "voc", "yolo", "tutorial"})
    void exportThenImportGivesBackTheSameClassesImagesAndBoxes(String formatName) throws Exception {
        AnnotationFormat format = AnnotationFormat.named(formatName);
        Path exported = dir.resolve("exported");
        try (Project first = labelledProject();
             Project second = Project.create(dir.resolve("second"), ProjectSettings.create("second", List.of()))) {
            ProjectExporter.Summary summary = ProjectExporter.export(first, format, exported, ProjectExporter.Options.defaults());
            assertEquals(5, summary.images());
            assertEquals(5, summary.boxes());

            ImportReport report = ProjectImporter.importInto(second, format, exported, ProjectImporter.Options.defaults());
            assertEquals(5, report.images(), report.toText());
            assertEquals(5, report.boxes(), report.toText());
            assertEquals(1, report.negatives(), report.toText());
            assertEquals(0, report.count(ReportItem.Kind.SKIPPED) + report.count(ReportItem.Kind.CHANGED), report.toText());

            assertEquals(List.of("cat", "dog", "bird"), second.settings().classes().stream().map(LabelClass::name).toList());
            assertEquals(first.images(), second.images());
            for (String path : first.images()) {
                assertEquals(-1, Files.mismatch(first.imageFile(path), second.imageFile(path)), path);
                ImageLabels before = first.labels(path);
                ImageLabels after = second.labels(path);
                assertEquals(before.width(), after.width(), path);
                assertEquals(before.height(), after.height(), path);
                List<Box> expected = before.boxes().stream().filter(b -> b.score() == null).toList();
                assertEquals(expected.size(), after.boxes().size(), path);
                for (int i = 0; i < expected.size(); i++) {
                    Box e = expected.get(i);
                    Box a = after.boxes().get(i);
                    String where = path + " box " + i;
                    assertEquals(className(first, e), className(second, a), where);
                    assertCoordinate(formatName, e.x1(), a.x1(), before.width(), where);
                    assertCoordinate(formatName, e.y1(), a.y1(), before.height(), where);
                    assertCoordinate(formatName, e.x2(), a.x2(), before.width(), where);
                    assertCoordinate(formatName, e.y2(), a.y2(), before.height(), where);
                }
            }
        }
    }

    private static String className(Project p, Box b) {
        return p.settings().classById(b.classId()).orElseThrow().name();
    }

    private static void assertCoordinate(String format, float expected, float actual, int extent, String where) {
        switch (format) {
            // VOC holds whole pixels: the nearest one comes back, exactly.
            case "voc" -> assertEquals(Math.round(expected), actual, 0.0, where);
            case "yolo" -> assertEquals(expected, actual, 1e-6 * extent, where);
            default -> assertEquals(expected, actual, Math.ulp(expected) * 2, where);
        }
    }
}
