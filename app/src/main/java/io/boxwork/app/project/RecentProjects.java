package io.boxwork.app.project;

import io.boxwork.annotations.storage.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The last few projects opened, most recent first, kept in a small text file (one folder a line). */
public final class RecentProjects {
    public static final int MAX = 10;

    private final Path file;

    public RecentProjects(Path file) {
        this.file = file;
    }

    public static RecentProjects inUserConfig() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new RecentProjects(base.resolve("boxwork").resolve("recent-projects.txt"));
    }

    public List<Path> list() {
        if (!Files.isRegularFile(file)) return List.of();
        try {
            List<Path> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) out.add(Path.of(line.strip()));
            }
            return out;
        } catch (IOException e) {
            // The list is a convenience: an unreadable one is shown as empty rather than blocking startup.
            return List.of();
        }
    }

    /** Puts {@code dir} first; a failure to write the list is reported, never fatal. */
    public List<Path> remember(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>();
        next.add(abs);
        for (Path p : list()) if (!p.equals(abs) && next.size() < MAX) next.add(p);
        Files.createDirectories(file.getParent());
        StringBuilder sb = new StringBuilder();
        for (Path p : next) sb.append(p).append('\n');
        AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
        return next;
    }
}
