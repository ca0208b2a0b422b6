package io.boxwork.annotations.storage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that could not be understood. Says which file and where, so a person can open it and
 * fix it; the file itself is never touched by whoever throws this.
 */
public class MalformedFileException extends IOException {
    private final Path file;
    private final int line;
    private final int column;
    private final String location;
    private final String problem;

    /**
     * @param line     1-based, or 0 when unknown
     * @param column   1-based, or 0 when unknown
     * @param location a path inside the file such as {@code $.boxes[2].x1}, or empty
     */
    public MalformedFileException(Path file, int line, int column, String location, String problem) {
        super(describe(file, line, column, location, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.location = location == null ? "" : location;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String location() {
        return location;
    }

    public String problem() {
        return problem;
    }

    private static String describe(Path file, int line, int column, String location, String problem) {
        StringBuilder sb = new StringBuilder().append(file);
        if (line > 0) sb.append(':').append(line);
        if (column > 0) sb.append(':').append(column);
        if (location != null && !location.isEmpty()) sb.append(" (").append(location).append(')');
        return sb.append(": ").append(problem).toString();
    }
}
