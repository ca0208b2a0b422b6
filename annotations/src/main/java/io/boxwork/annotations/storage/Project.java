package io.boxwork.annotations.storage;

import com.google.gson.JsonObject;
import io.boxwork.annotations.image.ImageInfo;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.model.Split;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A project folder on disk: {@code boxwork.json}, the image folder, and one
 * {@code labels/<image path>.json} per labelled image. Opening takes the project's lock; a
 * read-only project refuses every write instead.
 */
public final class Project implements AutoCloseable {
    public static final String SETTINGS_FILE = "boxwork.json";
    public static final String LABELS_DIR = "labels";
    public static final String RUNS_DIR = "runs";

    private final Path dir;
    private final boolean readOnly;
    private final ProjectLock lock;
    private volatile ProjectSettings settings;
    private volatile List<String> images;

    private Project(Path dir, ProjectSettings settings, ProjectLock lock, boolean readOnly) throws IOException {
        this.dir = dir;
        this.settings = settings;
        this.lock = lock;
        this.readOnly = readOnly;
        this.images = scanImages();
    }

    /** Makes a new project in {@code dir} (which may already hold an {@code images} folder). */
    public static Project create(Path dir, ProjectSettings settings) throws IOException {
        Path settingsFile = dir.resolve(SETTINGS_FILE);
        if (Files.exists(settingsFile)) throw new FileAlreadyExistsException(settingsFile.toString(), null, "a project already exists here");
        Files.createDirectories(dir);
        ProjectLock lock = ProjectLock.acquire(dir);
        try {
            JsonFiles.writePretty(settingsFile, ProjectSettingsJson.toJson(settings));
            Files.createDirectories(dir.resolve(LABELS_DIR));
            Path imagesDir = resolveImagesDir(dir, settings);
            Files.createDirectories(imagesDir);
            return new Project(dir, settings, lock, false);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public static Project open(Path dir) throws IOException {
        ProjectLock lock = ProjectLock.acquire(requireProject(dir));
        try {
            return new Project(dir, readSettings(dir, true), lock, false);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Opens without the lock: for a second window, the CLI's read-only commands, or a locked project. */
    public static Project openReadOnly(Path dir) throws IOException {
        return new Project(requireProject(dir), readSettings(dir, false), null, true);
    }

    public static boolean isProject(Path dir) {
        return Files.isRegularFile(dir.resolve(SETTINGS_FILE));
    }

    private static Path requireProject(Path dir) throws IOException {
        if (!isProject(dir)) throw new NoSuchFileException(dir.resolve(SETTINGS_FILE).toString(), null,
            "not a Boxwork project (no " + SETTINGS_FILE + ")");
        return dir;
    }

    private static ProjectSettings readSettings(Path dir, boolean mayMigrate) throws IOException {
        Path file = dir.resolve(SETTINGS_FILE);
        JsonSource src = JsonSource.read(file);
        JsonObject root = src.rootObject();
        long originalVersion = src.optionalInteger(root, "schema_version", "$", 0);
        boolean migrated = SchemaMigrations.migrate(src, root);
        ProjectSettings s = ProjectSettingsJson.fromJson(src, root);
        if (migrated && mayMigrate) {
            // Keep the original beside the migrated file: a person can always go back.
            Path backup = dir.resolve(SETTINGS_FILE + ".v" + originalVersion + ".bak");
            if (!Files.exists(backup)) Files.copy(file, backup);
            JsonFiles.writePretty(file, ProjectSettingsJson.toJson(s));
        }
        return s;
    }

    public Path dir() {
        return dir;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public ProjectSettings settings() {
        return settings;
    }

    public void saveSettings(ProjectSettings next) throws IOException {
        requireWritable();
        JsonFiles.writePretty(dir.resolve(SETTINGS_FILE), ProjectSettingsJson.toJson(next));
        this.settings = next;
    }

    public Path imagesDir() {
        return resolveImagesDir(dir, settings);
    }

    private static Path resolveImagesDir(Path dir, ProjectSettings s) {
        return dir.resolve(s.imagesDir()).normalize();
    }

    /** Image paths relative to the image folder, '/'-separated, in natural order. */
    public List<String> images() {
        return images;
    }

    public List<String> images(Split split) {
        ProjectSettings s = settings;
        return images.stream().filter(p -> s.split().splitOf(p) == split).toList();
    }

    public Split splitOf(String imagePath) {
        return settings.split().splitOf(imagePath);
    }

    /** Looks at the image folder again (after an import, or files added by hand). */
    public List<String> rescanImages() throws IOException {
        images = scanImages();
        return images;
    }

    private List<String> scanImages() throws IOException {
        Path root = imagesDir();
        if (!Files.isDirectory(root)) return List.of();
        List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            walk.filter(Files::isRegularFile).filter(ImageInfo::isImageFile)
                .forEach(p -> found.add(toRelative(root, p)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        found.sort(NaturalOrder.INSTANCE);
        return List.copyOf(found);
    }

    private static String toRelative(Path root, Path p) {
        return root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    public Path imageFile(String imagePath) {
        return imagesDir().resolve(imagePath);
    }

    public Path labelsFile(String imagePath) {
        return dir.resolve(LABELS_DIR).resolve(imagePath + ".json");
    }

    public Path runsDir() {
        return dir.resolve(RUNS_DIR);
    }

    /** The stored labels, or empty labels with the size from the image header when there are none yet. */
    public ImageLabels labels(String imagePath) throws IOException {
        Path file = labelsFile(imagePath);
        if (Files.exists(file)) return readLabels(file, imagePath);
        ImageInfo info = ImageInfo.read(imageFile(imagePath));
        return ImageLabels.empty(imagePath, info.width(), info.height());
    }

    public boolean hasLabels(String imagePath) {
        return Files.exists(labelsFile(imagePath));
    }

    private static ImageLabels readLabels(Path file, String imagePath) throws IOException {
        JsonSource src = JsonSource.read(file);
        ImageLabels l = ImageLabelsJson.fromJson(src);
        if (!l.imagePath().equals(imagePath)) {
            throw src.error("$.image", "this file belongs to image '" + l.imagePath() + "', not '" + imagePath + "'");
        }
        return l;
    }

    public void saveLabels(ImageLabels labels) throws IOException {
        requireWritable();
        Objects.requireNonNull(labels);
        JsonFiles.writePretty(labelsFile(labels.imagePath()), ImageLabelsJson.toJson(labels));
    }

    private void requireWritable() throws IOException {
        if (readOnly) throw new IOException("The project " + dir + " is open read-only; nothing was written.");
    }

    @Override
    public void close() throws IOException {
        if (lock != null) lock.close();
    }
}
