package io.boxwork.app.shell;

import io.boxwork.app.shortcuts.ActionId;
import io.boxwork.app.shortcuts.Shortcuts;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** The menu bar. Items that have a shortcut run the same named action as the key. */
public final class MainMenu {

    /** What the File menu needs from the window. */
    public interface FileActions {
        void newProject();

        void openProject();

        void openRecent(Path dir);

        void importData();

        void exportData();

        void statistics();

        void quit();
    }

    private final MenuBar bar = new MenuBar();
    private final Menu recent = new Menu("Open recent");
    private final FileActions file;

    public MainMenu(Shortcuts shortcuts, FileActions file, Consumer<ActionId> run) {
        this.file = file;
        bar.setId("main-menu");
        MenuItem newProject = item("New project…", file::newProject);
        newProject.setId("menu-new-project");
        MenuItem open = item("Open project…", file::openProject);
        open.setId("menu-open-project");
        MenuItem quit = item("Quit", file::quit);
        quit.setAccelerator(javafx.scene.input.KeyCombination.keyCombination("Shortcut+Q"));
        MenuItem importData = item("Import annotations…", file::importData);
        importData.setId("menu-import");
        MenuItem exportData = item("Export annotations…", file::exportData);
        exportData.setId("menu-export");
        MenuItem statistics = item("Dataset statistics…", file::statistics);
        statistics.setId("menu-statistics");
        Menu fileMenu = new Menu("File", null, newProject, open, recent, new SeparatorMenuItem(), importData, exportData,
            new SeparatorMenuItem(),
            action("Save now", ActionId.SAVE_NOW, shortcuts, run), new SeparatorMenuItem(), quit);
        Menu edit = new Menu("Edit", null,
            action("Undo", ActionId.UNDO, shortcuts, run), action("Redo", ActionId.REDO, shortcuts, run), new SeparatorMenuItem(),
            action("Copy boxes", ActionId.COPY, shortcuts, run), action("Paste boxes", ActionId.PASTE, shortcuts, run),
            action("Paste previous image's boxes", ActionId.PASTE_PREVIOUS_IMAGE, shortcuts, run),
            action("Delete boxes", ActionId.DELETE, shortcuts, run), action("Select all", ActionId.SELECT_ALL, shortcuts, run));
        Menu image = new Menu("Image", null,
            action("Next", ActionId.NEXT_IMAGE, shortcuts, run), action("Previous", ActionId.PREVIOUS_IMAGE, shortcuts, run),
            action("Next unlabelled", ActionId.NEXT_UNLABELLED, shortcuts, run), new SeparatorMenuItem(),
            action("Mark done", ActionId.MARK_DONE, shortcuts, run), action("Mark todo", ActionId.MARK_TODO, shortcuts, run),
            action("Mark reviewed", ActionId.MARK_REVIEWED, shortcuts, run));
        Menu view = new Menu("View", null,
            action("Fit to window", ActionId.FIT_TO_WINDOW, shortcuts, run), action("Zoom in", ActionId.ZOOM_IN, shortcuts, run),
            action("Zoom out", ActionId.ZOOM_OUT, shortcuts, run), new SeparatorMenuItem(), statistics,
            action("Keyboard shortcuts", ActionId.HELP, shortcuts, run));
        bar.getMenus().addAll(fileMenu, edit, image, view);
    }

    public MenuBar bar() {
        return bar;
    }

    public void showRecent(List<Path> dirs) {
        recent.getItems().clear();
        for (Path p : dirs) recent.getItems().add(item(p.toString(), () -> file.openRecent(p)));
        recent.setDisable(dirs.isEmpty());
    }

    private static MenuItem action(String text, ActionId id, Shortcuts shortcuts, Consumer<ActionId> run) {
        var binding = shortcuts.bindings().stream().filter(b -> b.action() == id).findFirst();
        // A plain-key accelerator would fire while typing in a text field, so those keys are only shown.
        if (binding.isPresent() && binding.get().plainKey()) text = text + "   (" + binding.get().keys().getDisplayText() + ")";
        MenuItem m = item(text, () -> run.accept(id));
        binding.filter(b -> !b.plainKey()).ifPresent(b -> m.setAccelerator(b.keys()));
        return m;
    }

    private static MenuItem item(String text, Runnable r) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> r.run());
        return m;
    }
}
