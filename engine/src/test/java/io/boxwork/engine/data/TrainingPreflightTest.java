package io.boxwork.engine.data;

import io.boxwork.annotations.model.LabelClass;
import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.storage.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.boxwork.engine.data.PreflightIssue.Severity.ERROR;
import static io.boxwork.engine.data.PreflightIssue.Severity.WARNING;
import static io.boxwork.engine.data.TestProjects.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingPreflightTest {
    @TempDir
    Path dir;

    /** A project with nothing wrong: two classes boxed in train, one image in val. */
    private TestProjects healthy() throws Exception {
        return TestProjects.create(dir, "cat", "dog")
            .image("t1.png", 40, 30, Split.TRAIN, box(1, 1, 2, 2, 12, 12), box(2, 2, 20, 5, 35, 25))
            .image("v1.png", 40, 30, Split.VAL, box(1, 1, 2, 2, 12, 12));
    }

    private static PreflightIssue only(PreflightReport report) {
        assertEquals(1, report.issues().size(), report.issues().toString());
        return report.issues().get(0);
    }

    @Test
    void aHealthyProjectPassesWithoutIssues() throws Exception {
        PreflightReport report = TrainingPreflight.check(healthy().project());
        assertEquals(List.of(), report.issues());
        assertFalse(report.hasErrors());
    }

    @Test
    void theShippedSampleProjectPassesWithoutIssues() throws Exception {
        try (Project sample = Project.openReadOnly(Path.of("..", "projects-sample", "project"))) {
            assertEquals(List.of(), TrainingPreflight.check(sample).issues());
        }
    }

    @Test
    void aBoxWithoutAreaIsReportedWithItsImageAndId() throws Exception {
        TestProjects p = healthy().image("t2.png", 40, 30, Split.TRAIN, box(7, 1, 5, 5, 5, 15));
        PreflightIssue issue = only(TrainingPreflight.check(p.project()));
        assertEquals(WARNING, issue.severity());
        assertTrue(issue.message().contains("'t2.png'") && issue.message().contains("box 7") && issue.message().contains("no area"),
            issue.message());
        assertTrue(issue.fix().contains("delete the box"), issue.fix());
    }

    @Test
    void boxesOutsideOrAcrossTheImageEdgeAreReported() throws Exception {
        TestProjects p = healthy().image("t2.png", 40, 30, Split.TRAIN, box(3, 1, 50, 5, 60, 15), box(4, 2, 30, 20, 45, 29));
        PreflightReport report = TrainingPreflight.check(p.project());
        assertEquals(2, report.issues().size(), report.issues().toString());
        assertTrue(report.issues().stream().anyMatch(i -> i.message().contains("box 3") && i.message().contains("outside")));
        assertTrue(report.issues().stream().anyMatch(i -> i.message().contains("box 4") && i.message().contains("clipped")));
        assertFalse(report.hasErrors());
    }

    @Test
    void aClassWithNoBoxesInTrainIsReportedWithTheWaysToFixIt() throws Exception {
        TestProjects p = healthy();
        p.settings(p.project().settings().withClassNamed("bird"));
        PreflightIssue issue = only(TrainingPreflight.check(p.project()));
        assertEquals("class 'bird' has no boxes in the train split", issue.message());
        assertEquals("label some, delete the class, or move images that show it into train", issue.fix());
    }

    @Test
    void aClassBoxedOnlyInValStillCountsAsMissingFromTrain() throws Exception {
        TestProjects p = TestProjects.create(dir, "cat", "dog")
            .image("t1.png", 40, 30, Split.TRAIN, box(1, 1, 2, 2, 12, 12))
            .image("v1.png", 40, 30, Split.VAL, box(1, 2, 2, 2, 12, 12));
        assertTrue(only(TrainingPreflight.check(p.project())).message().contains("class 'dog'"));
    }

    @Test
    void anEmptyTrainSplitIsAnError() throws Exception {
        TestProjects p = TestProjects.create(dir, "cat")
            .image("v1.png", 40, 30, Split.VAL, box(1, 1, 2, 2, 12, 12))
            .unlabelledImage("t1.png", 40, 30, Split.TRAIN);
        PreflightReport report = TrainingPreflight.check(p.project());
        assertTrue(report.hasErrors());
        PreflightIssue error = report.errors().get(0);
        assertTrue(error.message().startsWith("the train split has no labelled images"), error.message());
        assertTrue(report.warnings().stream().anyMatch(w -> w.message().contains("1 of 1 train images are not labelled")));
    }

    @Test
    void anEmptyValSplitIsAWarningThatSaysHowToGetOne() throws Exception {
        TestProjects p = TestProjects.create(dir, "cat").image("t1.png", 40, 30, Split.TRAIN, box(1, 1, 2, 2, 12, 12));
        PreflightIssue issue = only(TrainingPreflight.check(p.project()));
        assertEquals(WARNING, issue.severity());
        assertTrue(issue.message().startsWith("the val split has no labelled images"));
        assertTrue(issue.fix().contains("val share"));
    }

    @Test
    void anImageThatFailsToDecodeIsAnErrorNamingTheFile() throws Exception {
        TestProjects p = healthy().image("broken.png", 40, 30, Split.TRAIN, box(1, 1, 2, 2, 12, 12));
        Files.write(p.project().imageFile("broken.png"), new byte[] {1, 2, 3, 4});
        PreflightIssue issue = only(TrainingPreflight.check(p.project()));
        assertEquals(ERROR, issue.severity());
        assertTrue(issue.message().contains("broken.png") && issue.message().contains("cannot decode"), issue.message());
    }

    @Test
    void theHeaderCheckSkipsDecodingSoOnlyTheFullCheckFindsATruncatedJpeg() throws Exception {
        TestProjects p = healthy().image("cut.jpg", 64, 64, Split.TRAIN, box(1, 1, 2, 2, 12, 12));
        byte[] whole = TestImageFiles.jpeg(TestImageFiles.gradient(64, 64), 0.9f);
        Files.write(p.project().imageFile("cut.jpg"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertEquals(List.of(), TrainingPreflight.check(p.project(), TrainingPreflight.ImageCheck.HEADER).issues());
        PreflightIssue issue = only(TrainingPreflight.check(p.project(), TrainingPreflight.ImageCheck.DECODE));
        assertTrue(issue.message().contains("cut.jpg") && issue.message().contains("truncated"), issue.message());
    }

    @Test
    void theHeaderCheckStillFindsSizeMismatchesAndFilesThatAreNoImages() throws Exception {
        TestProjects p = healthy().image("junk.png", 40, 30, Split.TRAIN, box(1, 1, 2, 2, 12, 12));
        Files.write(p.project().imageFile("junk.png"), new byte[] {1, 2, 3, 4});
        TestImageFiles.write(TestImageFiles.gradient(30, 40), "png", p.project().imageFile("t1.png"));
        PreflightReport report = TrainingPreflight.check(p.project(), TrainingPreflight.ImageCheck.HEADER);
        assertEquals(2, report.errors().size(), report.issues().toString());
        assertTrue(report.errors().stream().anyMatch(i -> i.message().contains("junk.png")));
        assertTrue(report.errors().stream().anyMatch(i -> i.message().contains("is 30x40 (upright)")));
    }

    @Test
    void anImageReplacedByOneOfAnotherSizeIsAnError() throws Exception {
        TestProjects p = healthy();
        TestImageFiles.write(TestImageFiles.gradient(30, 40), "png", p.project().imageFile("t1.png"));
        PreflightIssue issue = only(TrainingPreflight.check(p.project()));
        assertEquals(ERROR, issue.severity());
        assertTrue(issue.message().contains("is 30x40 (upright)") && issue.message().contains("40x30"), issue.message());
    }

    @Test
    void aBoxOfADeletedClassIsAnError() throws Exception {
        TestProjects p = healthy().image("t2.png", 40, 30, Split.TRAIN, box(9, 3, 2, 2, 12, 12));
        PreflightIssue issue = only(TrainingPreflight.check(p.project()));
        assertEquals(ERROR, issue.severity());
        assertTrue(issue.message().contains("box 9") && issue.message().contains("class id 3"), issue.message());
    }

    @Test
    void aMalformedLabelsFileIsAnErrorWithItsPosition() throws Exception {
        TestProjects p = healthy().image("t2.png", 40, 30, Split.TRAIN, box(1, 1, 2, 2, 12, 12));
        Files.writeString(p.project().labelsFile("t2.png"), "{\n  \"image\": \"t2.png\",\n  \"width\": oops\n}");
        PreflightIssue issue = only(TrainingPreflight.check(p.project()));
        assertEquals(ERROR, issue.severity());
        assertTrue(issue.message().contains("t2.png.json:3:"), issue.message());
    }

    @Test
    void errorsAreListedBeforeWarnings() throws Exception {
        TestProjects p = healthy().image("t2.png", 40, 30, Split.TRAIN, box(7, 1, 5, 5, 5, 15), box(8, 5, 2, 2, 9, 9));
        p.settings(p.project().settings().withClasses(List.of(new LabelClass(1, "cat", "#112233"),
            new LabelClass(2, "dog", "#445566"), new LabelClass(3, "emu", "#778899"))));
        PreflightReport report = TrainingPreflight.check(p.project());
        assertEquals(List.of(ERROR, WARNING, WARNING), report.issues().stream().map(PreflightIssue::severity).toList());
    }
}
