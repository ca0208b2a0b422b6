package io.boxwork.annotations.storage;

import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.model.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ProjectTest {
    @TempDir
    Path dir;

    private Project newProject() throws Exception {
        Project p = Project.create(dir, ProjectSettings.create("demo", List.of("cat", "dog")));
        TestImages.write(p.imagesDir().resolve("img10.png"), 40, 30, "png");
        TestImages.write(p.imagesDir().resolve("img2.jpg"), 64, 48, "jpg");
        TestImages.write(p.imagesDir().resolve("sub/a.bmp"), 20, 10, "bmp");
        p.rescanImages();
        return p;
    }

    @Test
    void imagesAreListedInNaturalOrderWithSubfolders() throws Exception {
        try (Project p = newProject()) {
            assertEquals(List.of("img2.jpg", "img10.png", "sub/a.bmp"), p.images());
        }
    }

    @Test
    void unlabelledImagesGetTheirSizeFromTheHeader() throws Exception {
        try (Project p = newProject()) {
            ImageLabels l = p.labels("img2.jpg");
            assertEquals(64, l.width());
            assertEquals(48, l.height());
            assertTrue(l.boxes().isEmpty());
            assertFalse(p.hasLabels("img2.jpg"));
        }
    }

    @Test
    void labelsSurviveSaveAndReopen() throws Exception {
        ImageLabels saved;
        try (Project p = newProject()) {
            saved = new ImageLabels("sub/a.bmp", 20, 10, ImageStatus.DONE, List.of(
                Box.manual(1, 1, 1.5f, 2, 10, 8), Box.predicted(7, 2, 0, 0, 5.25f, 5, 0.875f)));
            p.saveLabels(saved);
            assertTrue(Files.exists(dir.resolve("labels/sub/a.bmp.json")));
        }
        try (Project p = Project.open(dir)) {
            assertEquals(saved, p.labels("sub/a.bmp"));
            assertEquals(List.of("cat", "dog"), p.settings().classes().stream().map(c -> c.name()).toList());
        }
    }

    @Test
    void aSecondOpenIsRefusedWithAClearMessageButReadOnlyWorks() throws Exception {
        try (Project p = newProject()) {
            ProjectLockedException e = assertThrows(ProjectLockedException.class, () -> Project.open(dir));
            assertTrue(e.getMessage().contains("open in another Boxwork"), e.getMessage());
            try (Project ro = Project.openReadOnly(dir)) {
                assertEquals(3, ro.images().size());
                var ex = assertThrows(java.io.IOException.class, () -> ro.saveLabels(ImageLabels.empty("img2.jpg", 64, 48)));
                assertTrue(ex.getMessage().contains("read-only"));
            }
        }
        try (Project again = Project.open(dir)) {
            assertEquals("demo", again.settings().name());
        }
    }

    @Test
    void aMalformedLabelsFileIsReportedWithLineAndColumnAndLeftUntouched() throws Exception {
        try (Project p = newProject()) {
            Path f = p.labelsFile("img2.jpg");
            Files.createDirectories(f.getParent());
            String broken = "{\n  \"image\": \"img2.jpg\",\n  \"width\": 64,\n  \"height\": 48,\n  \"boxes\": [\n    {\"id\": 1, \"class\": 1, \"x1\": 1, \"y1\": 2 \"x2\": 3}\n  ]\n}\n";
            Files.writeString(f, broken);
            MalformedFileException e = assertThrows(MalformedFileException.class, () -> p.labels("img2.jpg"));
            assertEquals(f, e.file());
            assertEquals(6, e.line());
            assertTrue(e.column() > 40, "column " + e.column());
            assertEquals(broken, Files.readString(f, StandardCharsets.UTF_8));
        }
    }

    @Test
    void aValueOfTheWrongKindIsReportedAtItsPosition() throws Exception {
        try (Project p = newProject()) {
            Path f = p.labelsFile("img2.jpg");
            Files.createDirectories(f.getParent());
            Files.writeString(f, "{\"image\": \"img2.jpg\", \"width\": 64, \"height\": 48,\n \"boxes\": [\n"
                + "  {\"id\": 1, \"class\": 1, \"x1\": 1, \"y1\": 2, \"x2\": 3, \"y2\": 4},\n"
                + "  {\"id\": 2, \"class\": 1, \"x1\": \"left\", \"y1\": 2, \"x2\": 3, \"y2\": 4}\n ]}");
            MalformedFileException e = assertThrows(MalformedFileException.class, () -> p.labels("img2.jpg"));
            assertEquals("$.boxes[1].x1", e.location());
            assertEquals(4, e.line());
            assertTrue(e.getMessage().contains("expected a number"), e.getMessage());
        }
    }

    @Test
    void aBoxWithCornersSwappedIsReportedWithItsIndex() throws Exception {
        try (Project p = newProject()) {
            Path f = p.labelsFile("img2.jpg");
            Files.createDirectories(f.getParent());
            Files.writeString(f, "{\"image\": \"img2.jpg\", \"width\": 64, \"height\": 48, \"boxes\": ["
                + "{\"id\": 4, \"class\": 1, \"x1\": 9, \"y1\": 2, \"x2\": 3, \"y2\": 4}]}");
            MalformedFileException e = assertThrows(MalformedFileException.class, () -> p.labels("img2.jpg"));
            assertEquals("$.boxes[0]", e.location());
            assertTrue(e.getMessage().contains("x2 < x1"), e.getMessage());
        }
    }

    @Test
    void anUnversionedProjectIsMigratedAndTheOriginalKept() throws Exception {
        Files.writeString(dir.resolve("boxwork.json"), "{\"name\": \"old\", \"image_dir\": \"pics\", "
            + "\"classes\": [{\"id\": 1, \"name\": \"cat\"}]}");
        Files.createDirectories(dir.resolve("pics"));
        try (Project p = Project.open(dir)) {
            assertEquals(ProjectSettings.CURRENT_SCHEMA, p.settings().schemaVersion());
            assertEquals("pics", p.settings().imagesDir());
        }
        assertTrue(Files.exists(dir.resolve("boxwork.json.v0.bak")));
        assertTrue(Files.readString(dir.resolve("boxwork.json")).contains("\"schema_version\": 1"));
    }

    @Test
    void aProjectFromANewerBoxworkIsRefusedNotRewritten() throws Exception {
        String text = "{\"schema_version\": 99, \"name\": \"future\", \"classes\": []}";
        Files.writeString(dir.resolve("boxwork.json"), text);
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> Project.open(dir));
        assertTrue(e.getMessage().contains("newer Boxwork"), e.getMessage());
        assertEquals(text, Files.readString(dir.resolve("boxwork.json")));
    }

    @Test
    void splitOverridesAreSavedWithTheSettings() throws Exception {
        try (Project p = newProject()) {
            p.saveSettings(p.settings().withSplit(p.settings().split().withOverride("img2.jpg", Split.TEST)));
        }
        try (Project p = Project.open(dir)) {
            assertEquals(Split.TEST, p.splitOf("img2.jpg"));
            assertEquals(List.of("img2.jpg"), p.images(Split.TEST));
        }
    }
}
