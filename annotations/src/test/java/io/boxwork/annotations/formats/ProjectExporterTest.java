package io.boxwork.annotations.formats;

import com.google.gson.JsonObject;
import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.storage.JsonFiles;
import io.boxwork.annotations.storage.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class ProjectExporterTest {
    @TempDir
    Path dir;

    private Project project;

    @BeforeEach
    void projectWithAValidationImageAndAPrediction() throws Exception {
        project = Project.create(dir.resolve("p"), ProjectSettings.create("p", List.of("cat", "dog")));
        FormatFixtures.rgb(project.imageFile("train/one.png"), 40, 30);
        FormatFixtures.rgb(project.imageFile("val/two.png"), 20, 20);
        project.saveSettings(project.settings().withSplit(project.settings().split()
            .withOverride("train/one.png", Split.TRAIN).withOverride("val/two.png", Split.VAL)));
        project.rescanImages();
        project.saveLabels(new ImageLabels("train/one.png", 40, 30, ImageStatus.DONE, List.of(
            Box.manual(1, 1, 1, 2, 3, 4), Box.predicted(2, 2, 5, 5, 10, 10, 0.75f))));
        project.saveLabels(new ImageLabels("val/two.png", 20, 20, ImageStatus.DONE, List.of(Box.manual(1, 2, 0, 0, 5, 5))));
    }

    @AfterEach
    void close() throws Exception {
        project.close();
    }

    private static JsonObject cocoJson(Path dest) throws Exception {
        return JsonFiles.read(dest.resolve(CocoFormat.ANNOTATIONS_FILE)).getAsJsonObject();
    }

    @Test
    void onlyTheChosenSplitIsExported() throws Exception {
        Path dest = dir.resolve("val-only");
        ProjectExporter.Summary s = ProjectExporter.export(project, new CocoFormat(), dest,
            ProjectExporter.Options.defaults().withSplit(Split.VAL));
        assertEquals(1, s.images());
        assertEquals("val/two.png", cocoJson(dest).getAsJsonArray("images").get(0).getAsJsonObject().get("file_name").getAsString());
        assertTrue(Files.isRegularFile(dest.resolve("images/val/two.png")));
        assertFalse(Files.exists(dest.resolve("images/train/one.png")));
        assertEquals(2, cocoJson(dest).getAsJsonArray("categories").size());
    }

    @Test
    void predictionsStayOutUnlessAskedFor() throws Exception {
        Path plain = dir.resolve("plain");
        assertEquals(2, ProjectExporter.export(project, new CocoFormat(), plain, ProjectExporter.Options.defaults()).boxes());
        Path withPredictions = dir.resolve("with");
        ProjectExporter.export(project, new CocoFormat(), withPredictions, new ProjectExporter.Options(ImageTransfer.LINK, null, true));
        var annotations = cocoJson(withPredictions).getAsJsonArray("annotations");
        assertEquals(3, annotations.size());
        assertEquals(0.75, annotations.get(1).getAsJsonObject().get("score").getAsDouble(), 1e-7);
        assertTrue(Files.isSymbolicLink(withPredictions.resolve("images/train/one.png")));
    }

    @Test
    void aFolderWithFilesInItIsRefused() throws Exception {
        Path dest = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(dest.resolve("keep.txt"), "mine");
        assertThrows(DirectoryNotEmptyException.class,
            () -> ProjectExporter.export(project, new YoloFormat(), dest, ProjectExporter.Options.defaults()));
        assertEquals("mine", Files.readString(dest.resolve("keep.txt")));
    }

    @Test
    void imagesInOtherStatesCanBeLeftOut() throws Exception {
        FormatFixtures.rgb(project.imageFile("train/unlabelled.png"), 10, 10);
        project.rescanImages();
        Path dest = dir.resolve("done-only");
        ProjectExporter.Summary s = ProjectExporter.export(project, new YoloFormat(), dest,
            new ProjectExporter.Options(ImageTransfer.COPY, null, Set.of(ImageStatus.DONE, ImageStatus.REVIEWED), false));
        assertEquals(2, s.images());
        assertFalse(Files.exists(dest.resolve("images/train/unlabelled.png")));
        assertEquals(3, ProjectExporter.toDataset(project, ProjectExporter.Options.defaults()).images().size());
    }
}
