package io.boxwork.engine.data;

import java.util.Objects;

/**
 * Something found before training starts, with what to do about it.
 *
 * @param message what is wrong and where (file, box, class, split)
 * @param fix     how a person makes it right
 */
public record PreflightIssue(Severity severity, String message, String fix) {

    public enum Severity {
        /** Training cannot start (or would fail part-way) until this is fixed. */
        ERROR,
        /** Training can run, but the result will suffer or some data is left out. */
        WARNING
    }

    public PreflightIssue {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    @Override
    public String toString() {
        return severity.name().toLowerCase() + ": " + message + " — " + fix;
    }
}
