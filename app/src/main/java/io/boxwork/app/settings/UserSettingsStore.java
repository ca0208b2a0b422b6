package io.boxwork.app.settings;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import io.boxwork.annotations.storage.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads and writes {@link UserSettings} as {@code settings.json} in the per-user config folder. */
public final class UserSettingsStore {
    public static final String FILE_NAME = "settings.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final Path file;

    public UserSettingsStore(Path file) {
        this.file = file;
    }

    /** {@code $XDG_CONFIG_HOME/boxwork/settings.json}, or {@code ~/.config/boxwork/settings.json}. */
    public static UserSettingsStore inUserConfig() {
        return new UserSettingsStore(configDir(System.getenv(), userHome()).resolve(FILE_NAME));
    }

    /**
     * {@code $HOME} when set: Java's {@code user.home} comes from the password database and ignores it,
     * unlike every other program a person runs.
     */
    public static String userHome() {
        String home = System.getenv("HOME");
        return home != null && !home.isBlank() && Path.of(home).isAbsolute() ? home : System.getProperty("user.home");
    }

    static Path configDir(Map<String, String> env, String home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".config");
        return base.resolve("boxwork");
    }

    public Path file() {
        return file;
    }

    /** The saved settings; defaults when there are none yet or the file cannot be used (it is a convenience, never a blocker). */
    public UserSettings load() {
        if (!Files.isRegularFile(file)) return UserSettings.defaults();
        try {
            UserSettings s = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), UserSettings.class);
            return s == null ? UserSettings.defaults() : s;
        } catch (IOException | JsonParseException e) {
            System.err.println("boxwork: ignoring unreadable " + file + ": " + e.getMessage());
            return UserSettings.defaults();
        }
    }

    public void save(UserSettings settings) throws IOException {
        Files.createDirectories(file.getParent());
        AtomicFiles.writeString(file, GSON.toJson(settings) + "\n");
    }
}
