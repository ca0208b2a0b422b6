package io.boxwork.app.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What Boxwork remembers for one person between runs: the window, the projects opened last
 * (most recent first) and the mode that was active.
 */
public record UserSettings(WindowPlacement window, List<String> recentProjects, String lastMode) {
    public static final int MAX_RECENT = 10;

    public UserSettings {
        if (window == null) window = WindowPlacement.DEFAULT;
        recentProjects = recentProjects == null ? List.of() : List.copyOf(recentProjects);
    }

    public static UserSettings defaults() {
        return new UserSettings(WindowPlacement.DEFAULT, List.of(), null);
    }

    public List<Path> recentPaths() {
        return recentProjects.stream().map(Path::of).toList();
    }

    public UserSettings withWindow(WindowPlacement w) {
        return new UserSettings(w, recentProjects, lastMode);
    }

    public UserSettings withLastMode(String mode) {
        return new UserSettings(window, recentProjects, mode);
    }

    /** {@code dir} first, without duplicates, at most {@link #MAX_RECENT}. */
    public UserSettings withOpened(Path dir) {
        String abs = dir.toAbsolutePath().normalize().toString();
        List<String> next = new ArrayList<>();
        next.add(abs);
        for (String p : recentProjects) if (!p.equals(abs) && next.size() < MAX_RECENT) next.add(p);
        return new UserSettings(window, next, lastMode);
    }
}
