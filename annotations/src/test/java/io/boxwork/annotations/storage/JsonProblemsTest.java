package io.boxwork.annotations.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonProblemsTest {
    private static final Path FILE = Path.of("project", "boxwork.json");

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\": \"x\", \"images_dir\": images}",
        "{\"name\": \"x\" \"images_dir\": \"images\"}",
        "{\"name\": 'x'}",
        "{\"name\": \"x\", // note\n \"images_dir\": \"images\"}",
        "{\"name\": \"x\",}"})
    void aMalformedFileIsReportedWithPathLineAndColumnAndNoParserAdvice(String text) {
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> JsonFiles.parse(FILE, text));
        String message = e.getMessage();
        assertTrue(message.contains(FILE.toString()), message);
        assertTrue(e.line() >= 1 && e.column() >= 1, message);
        assertFalse(message.toLowerCase().contains("gson"), message);
        assertFalse(message.contains("setStrictness") || message.contains("LENIENT") || message.contains("Exception"), message);
        assertFalse(message.contains("https://"), message);
    }

    @Test
    void theProblemTextKeepsWhatIsWrongAndDropsWhatIsForProgrammers() {
        assertEquals("Unterminated object", JsonProblems.describe("com.google.gson.stream.MalformedJsonException: Unterminated object"));
        assertTrue(JsonProblems.describe("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON")
            .startsWith("not standard JSON here"));
        assertEquals("Expected name", JsonProblems.describe("Expected name\nSee https://github.com/google/gson/blob/main/Troubleshooting.md"));
        assertEquals("malformed JSON", JsonProblems.describe(""));
    }
}
