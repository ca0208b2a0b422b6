package io.boxwork.engine.data;

import java.util.List;

/** Everything {@link TrainingPreflight} found, errors first. */
public record PreflightReport(List<PreflightIssue> issues) {

    public PreflightReport {
        issues = issues.stream()
            .sorted((a, b) -> a.severity().compareTo(b.severity()))
            .toList();
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(i -> i.severity() == PreflightIssue.Severity.ERROR);
    }

    public List<PreflightIssue> errors() {
        return issues.stream().filter(i -> i.severity() == PreflightIssue.Severity.ERROR).toList();
    }

    public List<PreflightIssue> warnings() {
        return issues.stream().filter(i -> i.severity() == PreflightIssue.Severity.WARNING).toList();
    }
}
