package io.boxwork.app.welcome;

import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.storage.Project;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A new project made from a folder of images the person already has: the project's files
 * (boxwork.json, labels/) go into that folder and the images stay where they are.
 */
public final class FolderProject {
    private FolderProject() {
    }

    /** "cat, dog,  person" as [cat, dog, person]: trimmed, empty names and repeats dropped. */
    public static List<String> parseClassNames(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Creates the project and returns its folder (closed: the window opens it). */
    public static Path create(Path imagesFolder, List<String> classNames) throws IOException {
        if (!Files.isDirectory(imagesFolder)) throw new NotDirectoryException(imagesFolder.toString());
        if (classNames.isEmpty()) throw new IllegalArgumentException("a project needs at least one class name (e.g. cat, dog)");
        Path dir = imagesFolder.toAbsolutePath().normalize();
        if (Files.exists(dir.resolve(Project.SETTINGS_FILE))) {
            throw new FileAlreadyExistsException(dir.resolve(Project.SETTINGS_FILE).toString(), null, "this folder already is a Boxwork project: open it instead");
        }
        String name = dir.getFileName() == null ? "project" : dir.getFileName().toString();
        try (Project p = Project.create(dir, ProjectSettings.create(name, classNames).withImagesDir("."))) {
            p.rescanImages();
        }
        return dir;
    }
}
