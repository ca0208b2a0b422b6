package io.boxwork.app.anchors;

/** A typed anchor field that cannot be read; says which field, where in it, and why. */
public final class AnchorTextException extends IllegalArgumentException {
    private final String field;
    private final int column;

    public AnchorTextException(String field, int column, String problem) {
        super(field + ", column " + column + ": " + problem);
        this.field = field;
        this.column = column;
    }

    public String field() {
        return field;
    }

    /** 1-based position of the offending text in the field. */
    public int column() {
        return column;
    }
}
