package io.boxwork.engine.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchTableTest {

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private static String row(String table, String config) {
        return table.lines().filter(l -> l.startsWith(config)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + config + " in\n" + table));
    }

    @Test
    void speedRowPairsBothSidesOfAConfigurationWithTheRatioOfMedians() {
        String table = BenchTable.render(List.of(
                json("{\"mode\":\"speed\",\"side\":\"java\",\"impl\":\"j\",\"backbone\":\"resnet18\",\"size\":512,"
                        + "\"threads\":2,\"infer_ms_median\":300.0,\"infer_ms_min\":290.0,"
                        + "\"train_ms_median\":900.0,\"train_ms_min\":850.0,\"rss_mib\":700,\"peak_rss_mib\":800}"),
                json("{\"mode\":\"speed\",\"side\":\"torchvision\",\"impl\":\"t\",\"backbone\":\"resnet18\",\"size\":512,"
                        + "\"threads\":2,\"infer_ms_median\":200.0,\"infer_ms_min\":190.0,"
                        + "\"train_ms_median\":1000.0,\"train_ms_min\":990.0,\"rss_mib\":600,\"peak_rss_mib\":650}")));
        String row = row(table, "resnet18-fpn @ 512");
        assertTrue(row.contains("300.0 (290.0)") && row.contains("200.0 (190.0)"), row);
        assertTrue(row.contains("1.50"), "inference ratio 300/200 in " + row);
        assertTrue(row.contains("0.90"), "training ratio 900/1000 in " + row);
    }

    @Test
    void aSideThatDidNotRunLeavesItsCellsAndTheRatioEmpty() {
        String table = BenchTable.render(List.of(
                json("{\"mode\":\"speed\",\"side\":\"java\",\"impl\":\"j\",\"backbone\":\"resnet50\",\"size\":800,"
                        + "\"threads\":2,\"infer_ms_median\":1000.0,\"infer_ms_min\":999.0}")));
        String row = row(table, "resnet50-fpn @ 800");
        assertTrue(row.contains("1000.0 (999.0)"), row);
        assertEquals(5, row.split("\\s-(?=\\s|$)").length, "torchvision cell, ratio and training cells empty: " + row);
    }

    @Test
    void memoryTableListsEachSidesSamplesByCallCountAndTheSlope() {
        String table = BenchTable.render(List.of(
                json("{\"mode\":\"memory\",\"side\":\"java\",\"backbone\":\"resnet18\",\"size\":192,\"phase\":\"infer\",\"calls\":0,\"rss_mib\":400.0}"),
                json("{\"mode\":\"memory\",\"side\":\"java\",\"backbone\":\"resnet18\",\"size\":192,\"phase\":\"infer\",\"calls\":100,\"rss_mib\":401.5}"),
                json("{\"mode\":\"memory\",\"side\":\"torchvision\",\"backbone\":\"resnet18\",\"size\":192,\"phase\":\"infer\",\"calls\":100,\"rss_mib\":350.0}"),
                json("{\"mode\":\"memory\",\"side\":\"java\",\"backbone\":\"resnet18\",\"size\":192,\"phase\":\"infer\",\"summary\":true,"
                        + "\"calls\":100,\"slope_mib_per_100\":1.5,\"seconds\":12.0}")));
        assertTrue(table.contains("resnet18-fpn @ 192 infer"), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("\\s+100 \\|\\s+401\\.5 \\|\\s+350\\.0")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("\\s+0 \\|\\s+400\\.0 \\|\\s+-")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("\\s+slope \\|\\s+\\+1\\.50 \\|\\s+-")), table);
    }

    @Test
    void aResultsFileWithACrashMessageIsRefusedNamingTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("java.jsonl");
        Files.writeString(file, "{\"mode\":\"speed\"}\nException in thread main\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchTable.read(file));
        assertTrue(e.getMessage().contains("java.jsonl:2"), e.getMessage());
    }
}
