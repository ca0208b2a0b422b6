package io.boxwork.app.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserSettingsStoreTest {

    @Test
    void savedSettingsAreReadBackUnchanged(@TempDir Path dir) throws Exception {
        UserSettingsStore store = new UserSettingsStore(dir.resolve("boxwork/settings.json"));
        UserSettings s = UserSettings.defaults()
            .withWindow(new WindowPlacement(40.0, 60.0, 1024, 700, true))
            .withOpened(dir.resolve("a"))
            .withLastMode("annotate");
        store.save(s);
        assertEquals(s, store.load());
        try (Stream<Path> files = Files.list(dir.resolve("boxwork"))) {
            assertEquals(List.of("settings.json"), files.map(p -> p.getFileName().toString()).toList(), "no temporary file is left behind");
        }
    }

    @Test
    void xdgConfigHomeIsUsedWhenSetAndAbsolute() {
        assertEquals(Path.of("/x/cfg/boxwork"), UserSettingsStore.configDir(Map.of("XDG_CONFIG_HOME", "/x/cfg"), "/home/ann"));
        assertEquals(Path.of("/home/ann/.config/boxwork"), UserSettingsStore.configDir(Map.of(), "/home/ann"));
        assertEquals(Path.of("/home/ann/.config/boxwork"), UserSettingsStore.configDir(Map.of("XDG_CONFIG_HOME", "rel/cfg"), "/home/ann"));
    }

    @Test
    void aMissingOrBrokenSettingsFileGivesTheDefaults(@TempDir Path dir) throws Exception {
        UserSettingsStore store = new UserSettingsStore(dir.resolve("settings.json"));
        assertEquals(UserSettings.defaults(), store.load());
        Files.writeString(dir.resolve("settings.json"), "{ \"window\": [ ");
        assertEquals(UserSettings.defaults(), store.load());
    }

    @Test
    void recentProjectsPutTheLatestFirstWithoutRepeatsAndKeepTen(@TempDir Path dir) {
        UserSettings s = UserSettings.defaults();
        for (int i = 0; i < 12; i++) s = s.withOpened(dir.resolve("p" + i));
        s = s.withOpened(dir.resolve("p5"));
        assertEquals(UserSettings.MAX_RECENT, s.recentProjects().size());
        assertEquals(dir.resolve("p5").toString(), s.recentProjects().get(0));
        assertEquals(dir.resolve("p11").toString(), s.recentProjects().get(1));
        assertEquals(1, s.recentProjects().stream().filter(p -> p.endsWith("p5")).count());
    }

    @Test
    void aWindowRememberedTinyIsRestoredAtTheDefaultSize() {
        WindowPlacement p = new WindowPlacement(5.0, 5.0, 10, 10, false);
        assertEquals(WindowPlacement.DEFAULT.width(), p.width());
        assertTrue(p.hasPosition());
        assertFalse(WindowPlacement.DEFAULT.hasPosition());
    }

    @Test
    void aFreshPlacementIsWrittenAsPlainJsonWithoutNaN(@TempDir Path dir) throws Exception {
        UserSettingsStore store = new UserSettingsStore(dir.resolve("settings.json"));
        store.save(UserSettings.defaults());
        String json = Files.readString(dir.resolve("settings.json"));
        assertFalse(json.contains("NaN"), json);
        com.google.gson.JsonParser.parseString(json);
        assertEquals(UserSettings.defaults(), store.load());
    }
}
