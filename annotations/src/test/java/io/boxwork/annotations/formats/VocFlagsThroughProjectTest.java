package io.boxwork.annotations.formats;

import io.boxwork.annotations.edit.Edits;
import io.boxwork.annotations.edit.ImageDocument;
import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.BoxFlags;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.storage.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** VOC's difficult and truncated marks survive import into a project, editing, and export. */
class VocFlagsThroughProjectTest {
    @TempDir
    Path dir;

    @Test
    void difficultAndTruncatedGoThroughAProjectAndBackToVoc() throws Exception {
        Path voc = dir.resolve("voc");
        FormatFixtures.jpeg(voc.resolve("street.jpg"), 60, 40);
        Files.writeString(voc.resolve("street.xml"), """
            <annotation><filename>street.jpg</filename><size><width>60</width><height>40</height><depth>3</depth></size>
              <object><name>car</name><difficult>1</difficult><bndbox><xmin>2</xmin><ymin>3</ymin><xmax>20</xmax><ymax>30</ymax></bndbox></object>
              <object><name>car</name><truncated>1</truncated><bndbox><xmin>41</xmin><ymin>5</ymin><xmax>60</xmax><ymax>25</ymax></bndbox></object>
              <object><name>person</name><bndbox><xmin>25</xmin><ymin>10</ymin><xmax>35</xmax><ymax>38</ymax></bndbox></object>
            </annotation>
            """);
        try (Project p = Project.create(dir.resolve("project"), ProjectSettings.create("p", List.of()))) {
            ImportReport report = ProjectImporter.importInto(p, AnnotationFormat.named("voc"), voc, ProjectImporter.Options.defaults());
            assertEquals(3, report.boxes(), report.toText());

            List<Box> boxes = p.labels("street.jpg").boxes();
            assertEquals(new BoxFlags(true, false), boxes.get(0).flags());
            assertEquals(new BoxFlags(false, true), boxes.get(1).flags());
            assertEquals(BoxFlags.NONE, boxes.get(2).flags());
            String json = Files.readString(p.labelsFile("street.jpg"));
            assertTrue(json.contains("\"difficult\": true") && json.contains("\"truncated\": true"), json);
            assertEquals(1, json.split("\"difficult\"", -1).length - 1, "only set flags are written: " + json);

            // A move, undone and redone, keeps the marks.
            ImageDocument doc = new ImageDocument(p.labels("street.jpg"), 50);
            doc.execute(Edits.move(doc.labels(), List.of(boxes.get(0).id()), 1, 1));
            doc.undo();
            doc.redo();
            p.saveLabels(doc.labels());
            assertEquals(new BoxFlags(true, false), p.labels("street.jpg").boxes().get(0).flags());

            Path out = dir.resolve("exported");
            ProjectExporter.export(p, AnnotationFormat.named("voc"), out, ProjectExporter.Options.defaults());
            try (var files = Files.walk(out)) {
                Path xml = files.filter(f -> f.toString().endsWith(".xml")).findFirst().orElseThrow();
                String text = Files.readString(xml);
                assertEquals(1, text.split("<difficult>1</difficult>", -1).length - 1, text);
                assertEquals(1, text.split("<truncated>1</truncated>", -1).length - 1, text);
            }
        }
    }

    @Test
    void labelsWrittenBeforeTheFlagsExistedStillRead() throws Exception {
        try (Project p = Project.create(dir.resolve("old"), ProjectSettings.create("old", List.of("cat")))) {
            FormatFixtures.rgb(p.imageFile("a.png"), 20, 20);
            p.rescanImages();
            Files.createDirectories(p.labelsFile("a.png").getParent());
            Files.writeString(p.labelsFile("a.png"), "{\"schema_version\": 1, \"image\": \"a.png\", \"width\": 20, \"height\": 20, "
                + "\"status\": \"done\", \"boxes\": [{\"id\": 1, \"class\": 1, \"x1\": 1, \"y1\": 1, \"x2\": 5, \"y2\": 5}]}");
            ImageLabels l = p.labels("a.png");
            assertFalse(l.boxes().get(0).flags().any());
        }
    }
}
