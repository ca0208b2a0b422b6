package io.boxwork.app.welcome;

import io.boxwork.app.settings.UserSettingsStore;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The sample project shipped with Boxwork, and the person's own writable copy of it: the installed
 * one sits under /opt (read-only), so it is copied once to {@code ~/Boxwork/sample} and opened from there.
 *
 * @param installed the shipped project folder (with boxwork.json), if this installation has one
 * @param userCopy  where the person's copy goes
 */
public record SampleProject(Optional<Path> installed, Path userCopy) {
    /** Set by the installed launcher to {@code $APPDIR/sample}. */
    public static final String INSTALLED_PROPERTY = "boxwork.sample.dir";
    /** Overrides {@code ~/Boxwork} (the folder for the person's projects). */
    public static final String HOME_PROPERTY = "boxwork.home";

    public static SampleProject fromSystem() {
        Optional<Path> installed = Stream.of(System.getProperty(INSTALLED_PROPERTY), "projects-sample/project")
            .filter(s -> s != null && !s.isBlank())
            .map(Path::of)
            .filter(p -> Files.isRegularFile(p.resolve("boxwork.json")))
            .findFirst()
            .map(p -> p.toAbsolutePath().normalize());
        String home = System.getProperty(HOME_PROPERTY);
        Path boxworkHome = home != null && !home.isBlank() ? Path.of(home) : Path.of(UserSettingsStore.userHome(), "Boxwork");
        return new SampleProject(installed, boxworkHome.resolve("sample"));
    }

    /** The writable copy, made on first use; an existing copy (with the person's edits) is kept as it is. */
    public Path prepare() throws IOException {
        if (Files.isRegularFile(userCopy.resolve("boxwork.json"))) return userCopy;
        Path source = installed.orElseThrow(() -> new NoSuchFileException("the sample project", null,
            "this installation has no sample project (system property " + INSTALLED_PROPERTY + " is not set)"));
        if (Files.exists(userCopy) && !isEmptyDir(userCopy)) {
            throw new FileAlreadyExistsException(userCopy.toString(), null, "the folder exists but is not a Boxwork project; move it away to get a fresh sample");
        }
        // Copy into a sibling first so an interrupted copy never looks like a finished project.
        Path partial = userCopy.resolveSibling(userCopy.getFileName() + ".partial");
        deleteTree(partial);
        copyTree(source, partial);
        Files.createDirectories(userCopy.getParent());
        Files.deleteIfExists(userCopy);
        Files.move(partial, userCopy, StandardCopyOption.ATOMIC_MOVE);
        return userCopy;
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(from)) {
            all = walk.toList();
        }
        for (Path p : all) {
            String rel = from.relativize(p).toString();
            // A lock left in the shipped folder would make the copy look open elsewhere.
            if (rel.endsWith(".lock")) continue;
            Path target = rel.isEmpty() ? to : to.resolve(rel);
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                // Files under /opt are read-only; the person's copy must be editable.
                target.toFile().setWritable(true, true);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
        }
        for (Path p : all) Files.deleteIfExists(p);
    }
}
