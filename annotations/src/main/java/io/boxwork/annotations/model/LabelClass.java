package io.boxwork.annotations.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One object class. The id is stable for the life of the project (boxes refer to it), the name
 * and colour are what a person edits.
 *
 * @param id    stable, positive; the engine maps classes to 1..K by their order in the project
 * @param name  shown to the person and written to exports
 * @param color {@code #rrggbb}
 */
public record LabelClass(int id, String name, String color) {
    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    /** Distinct, colour-blind friendly defaults (Okabe–Ito, then Tableau) for new classes. */
    private static final String[] PALETTE = {
        "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7",
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
        "#bcbd22", "#17becf"
    };

    public LabelClass {
        if (id <= 0) throw new IllegalArgumentException("class id must be positive, was " + id);
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("class name must not be blank");
        if (color == null || !HEX_COLOUR.matcher(color).matches()) {
            throw new IllegalArgumentException("class colour must look like #rrggbb, was " + color);
        }
        color = color.toLowerCase();
    }

    public static String defaultColour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    public LabelClass withName(String newName) {
        return new LabelClass(id, newName, color);
    }

    public LabelClass withColor(String newColor) {
        return new LabelClass(id, name, newColor);
    }
}
