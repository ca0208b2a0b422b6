package io.boxwork.annotations.formats;

import io.boxwork.annotations.storage.MalformedFileException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class YoloClassNamesTest {
    private static final Path FILE = Path.of("data.yaml");

    private static List<String> parse(String yaml) throws MalformedFileException {
        return YoloClassNames.parseDataYaml(FILE, yaml);
    }

    @Test
    void flowListForm() throws Exception {
        assertEquals(List.of("cat", "hot dog", "a, b", "it's"),
            parse("train: images/train\nnames: [cat, 'hot dog', \"a, b\", 'it''s']  # four\n"));
    }

    @Test
    void flowMapForm() throws Exception {
        assertEquals(List.of("person", "bicycle", "car"), parse("nc: 3\nnames: {0: person, 2: car, 1: bicycle}\n"));
    }

    @Test
    void flowListOverSeveralLines() throws Exception {
        assertEquals(List.of("a", "b", "c"), parse("names: [a,\n  b,   # second\n  c]\nnc: 3\n"));
    }

    @Test
    void blockListForm() throws Exception {
        assertEquals(List.of("cat", "dog #1"), parse("path: .\nnames:\n  - cat\n  # a comment line\n  - 'dog #1'\nnc: 2\n"));
    }

    @Test
    void blockListAtTheSameIndentation() throws Exception {
        assertEquals(List.of("cat", "dog"), parse("names:\n- cat\n- dog\ntrain: x\n"));
    }

    @Test
    void blockMapForm() throws Exception {
        assertEquals(List.of("person", "bicycle"), parse("names:\n  0: person\n  1: bicycle\ndownload: |\n  echo hi\n"));
    }

    @Test
    void gapsInClassIndicesAreReportedWithTheLine() {
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> parse("nc: 2\nnames: {0: a, 2: b}\n"));
        assertEquals(2, e.line());
        assertTrue(e.problem().contains("missing 1"), e.problem());
    }

    @Test
    void aYamlWithoutNamesIsReported() {
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> parse("train: images\nnc: 2\n"));
        assertTrue(e.getMessage().contains("names"));
    }

    @Test
    void anUnclosedListIsReportedWithItsLine() {
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> parse("nc: 1\n\nnames: [a, b\n"));
        assertEquals(3, e.line());
    }

    @Test
    void writtenYamlReadsBack() throws Exception {
        List<String> names = List.of("cat", "it's", "a: b", "#tag");
        assertEquals(names, parse(YoloClassNames.toDataYaml(names)));
    }
}
