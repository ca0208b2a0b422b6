package io.boxwork.app.welcome;

import io.boxwork.annotations.storage.Project;
import io.boxwork.app.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleProjectTest {

    @Test
    void theSampleIsCopiedOnceAndThePersonsCopyIsKeptAfterwards(@TempDir Path dir) throws Exception {
        Path shipped = dir.resolve("opt/sample");
        TestProjects.create(shipped, 2, 64, 48, List.of("cat")).close();
        shipped.resolve("images/img01.png").toFile().setWritable(false);
        SampleProject sample = new SampleProject(Optional.of(shipped), dir.resolve("home/Boxwork/sample"));

        Path copy = sample.prepare();
        assertEquals(dir.resolve("home/Boxwork/sample"), copy);
        try (Project p = Project.open(copy)) {
            assertEquals(List.of("img01.png", "img02.png"), p.images());
        }
        assertTrue(Files.isWritable(copy.resolve("images/img01.png")), "the copy of a read-only installed file is editable");
        assertFalse(Files.exists(dir.resolve("home/Boxwork/sample.partial")));

        Files.writeString(copy.resolve("mine.txt"), "edited");
        sample.prepare();
        assertEquals("edited", Files.readString(copy.resolve("mine.txt")));
    }

    @Test
    void aFolderInTheWayOrAMissingSampleIsReportedNotOverwritten(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("Boxwork/sample");
        Files.createDirectories(target);
        Files.writeString(target.resolve("notes.txt"), "keep");
        Path shipped = dir.resolve("opt/sample");
        TestProjects.create(shipped, 1, 32, 32, List.of("cat")).close();
        assertThrows(FileAlreadyExistsException.class, () -> new SampleProject(Optional.of(shipped), target).prepare());
        assertEquals("keep", Files.readString(target.resolve("notes.txt")));
        assertThrows(NoSuchFileException.class, () -> new SampleProject(Optional.empty(), dir.resolve("other")).prepare());
    }
}
