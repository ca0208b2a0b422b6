package io.boxwork.app.shortcuts;

/** Every action a key can trigger, with the words the help overlay shows. */
public enum ActionId {
    NEXT_IMAGE("Next image"),
    PREVIOUS_IMAGE("Previous image"),
    NEXT_UNLABELLED("Next unlabelled (todo) image"),
    MARK_DONE("Mark image done"),
    MARK_TODO("Mark image todo"),
    MARK_REVIEWED("Mark image reviewed"),
    UNDO("Undo"),
    REDO("Redo"),
    DELETE("Delete selected boxes"),
    COPY("Copy selected boxes"),
    PASTE("Paste boxes"),
    PASTE_PREVIOUS_IMAGE("Paste the previous image's boxes"),
    SELECT_ALL("Select all boxes"),
    DESELECT("Deselect / cancel"),
    NUDGE_LEFT("Nudge left 1 px"),
    NUDGE_RIGHT("Nudge right 1 px"),
    NUDGE_UP("Nudge up 1 px"),
    NUDGE_DOWN("Nudge down 1 px"),
    NUDGE_LEFT_10("Nudge left 10 px"),
    NUDGE_RIGHT_10("Nudge right 10 px"),
    NUDGE_UP_10("Nudge up 10 px"),
    NUDGE_DOWN_10("Nudge down 10 px"),
    CLASS_1("Class 1 (selected boxes, or new boxes)"),
    CLASS_2("Class 2"),
    CLASS_3("Class 3"),
    CLASS_4("Class 4"),
    CLASS_5("Class 5"),
    CLASS_6("Class 6"),
    CLASS_7("Class 7"),
    CLASS_8("Class 8"),
    CLASS_9("Class 9"),
    TOGGLE_LAYER_VISIBILITY("Show / hide the selected layer"),
    TOGGLE_LAYER_LOCK("Lock / unlock the selected layer"),
    FIT_TO_WINDOW("Fit image to window"),
    ZOOM_IN("Zoom in"),
    ZOOM_OUT("Zoom out"),
    SAVE_NOW("Save now"),
    HELP("Show keyboard shortcuts");

    private final String label;

    ActionId(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 1..9 for CLASS_1..CLASS_9, else 0. */
    public int classNumber() {
        return name().startsWith("CLASS_") ? Integer.parseInt(name().substring(6)) : 0;
    }
}
