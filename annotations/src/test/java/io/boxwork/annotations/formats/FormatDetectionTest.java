package io.boxwork.annotations.formats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class FormatDetectionTest {
    @TempDir
    Path dir;

    private String detected(Path source) throws Exception {
        return AnnotationFormat.detect(source).map(AnnotationFormat::name).orElse("none");
    }

    @Test
    void eachTestDatasetIsRecognised() throws Exception {
        assertEquals("coco", detected(FormatFixtures.copyResource("coco/pretty", dir)));
        assertEquals("coco", detected(FormatFixtures.copyResource("coco/oneline", dir).resolve("instances_train.json")));
        assertEquals("voc", detected(FormatFixtures.copyResource("voc", dir)));
        assertEquals("yolo", detected(FormatFixtures.copyResource("yolo/dict", dir)));
        assertEquals("yolo", detected(FormatFixtures.copyResource("yolo/classes", dir)));
        assertEquals("tutorial", detected(FormatFixtures.copyResource("tutorial/parallel", dir)));
    }

    @Test
    void aFolderOfImagesAloneIsNoFormat() throws Exception {
        FormatFixtures.rgb(dir.resolve("only/a.png"), 4, 4);
        assertEquals(Optional.empty(), AnnotationFormat.detect(dir.resolve("only")));
        assertEquals(Optional.empty(), AnnotationFormat.detect(dir.resolve("missing")));
        Files.writeString(dir.resolve("only/settings.json"), "{\"theme\": \"dark\"}");
        assertEquals("none", detected(dir.resolve("only/settings.json")));
    }
}
