package io.boxwork.engine.weights;

import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PthWriterTest {

    @TempDir
    Path temp;

    private void assertPythonAccepts(String model) throws IOException {
        Path reference = WeightFixtures.file(model);
        Path written = temp.resolve(model + "_from_java.pth");
        PthWriter.writeStateDict(written, PthReader.readStateDict(reference));
        WeightFixtures.PythonRun check = WeightFixtures.script("check", written.toString(), reference.toString(), model);
        assertEquals(0, check.exitCode(), check.output());
        assertTrue(check.output().startsWith("OK"), check.output());
    }

    @Test
    void resnet18WrittenByJavaLoadsStrictlyInTorchvisionWithEqualTensors() throws IOException {
        assertPythonAccepts("resnet18");
    }

    @Test
    void fasterRcnnWrittenByJavaLoadsStrictlyInTorchvisionWithEqualTensors() throws IOException {
        assertPythonAccepts("fasterrcnn_resnet50_fpn");
    }

    @Test
    void pythonCheckRejectsAStateDictWithOneAlteredTensor() throws IOException {
        Path reference = WeightFixtures.file("resnet18");
        StateDict original = PthReader.readStateDict(reference);
        Map<String, Tensor> altered = new LinkedHashMap<>(original.asMap());
        altered.put("layer1.0.conv1.weight", altered.get("layer1.0.conv1.weight").mul(new org.bytedeco.pytorch.Scalar(1.0001)));
        Path written = temp.resolve("altered.pth");
        PthWriter.writeStateDict(written, new StateDict(altered));
        WeightFixtures.PythonRun check = WeightFixtures.script("check", written.toString(), reference.toString(), "resnet18");
        assertEquals(1, check.exitCode(), check.output());
        assertTrue(check.output().contains("FAIL layer1.0.conv1.weight differs"), check.output());
    }

    @Test
    void checkpointWrittenByJavaKeepsScalarsStateDictAndOptimizerStateForPython() throws IOException {
        Path reference = WeightFixtures.file("checkpoint");
        PthValue.Dict read = (PthValue.Dict) PthReader.read(reference);
        Map<String, Object> checkpoint = new LinkedHashMap<>();
        checkpoint.put("model", PthReader.readStateDict(reference));
        checkpoint.put("optimizer", read.get("optimizer").orElseThrow());
        checkpoint.put("epoch", 3);
        checkpoint.put("best_map", 0.4375);
        checkpoint.put("run", "2026-11-22T07-00");
        checkpoint.put("step", 1L << 40);
        checkpoint.put("delta", -70000);
        checkpoint.put("classes", List.of("cat", "dog"));
        checkpoint.put("finished", false);
        checkpoint.put("note", null);
        Path written = temp.resolve("checkpoint_from_java.pth");
        PthWriter.writeCheckpoint(written, checkpoint);
        WeightFixtures.PythonRun check = WeightFixtures.script("check-checkpoint", written.toString(), reference.toString());
        assertEquals(0, check.exitCode(), check.output());
    }

    @Test
    void everyDtypeAndViewReadsBackWithTheSameValues() throws IOException {
        for (String fixture : List.of("dtypes", "views")) {
            PthValue.Dict original = (PthValue.Dict) PthReader.read(WeightFixtures.file(fixture));
            Path written = temp.resolve(fixture + ".pth");
            PthWriter.write(written, original);
            PthValue.Dict again = (PthValue.Dict) PthReader.read(written);
            assertEquals(original.entries().keySet(), again.entries().keySet());
            original.entries().forEach((key, value) -> {
                Tensor before = ((PthValue.TensorValue) value).tensor();
                PthValue.TensorValue after = (PthValue.TensorValue) again.entries().get(key);
                assertEquals(TensorReference.pythonDtype(before), TensorReference.pythonDtype(after.tensor()), key + " dtype");
                assertArrayEquals(before.sizes().vec().get(), after.tensor().sizes().vec().get(), key + " shape");
                assertEquals(TensorReference.sha256(before), TensorReference.sha256(after.tensor()), key + " values");
                assertEquals(((PthValue.TensorValue) value).parameter(), after.parameter(), key + " is a Parameter");
                assertEquals(((PthValue.TensorValue) value).requiresGrad(), after.requiresGrad(), key + " requires grad");
            });
        }
    }

    @Test
    void storagesStartOn64ByteBoundariesLikeTorchWritesThem() throws IOException {
        Path written = temp.resolve("aligned.pth");
        PthWriter.write(written, PthReader.read(WeightFixtures.file("dtypes")));
        try (FileChannel channel = FileChannel.open(written, StandardOpenOption.READ)) {
            for (ZipDirectory.Entry entry : ZipDirectory.read(written, channel).values()) {
                assertEquals(0, entry.dataOffset() % 64, entry.name());
            }
        }
    }

    @Test
    void rewritingReplacesTheFileAndLeavesNoTempFiles() throws IOException {
        Path target = temp.resolve("last.pth");
        PthWriter.writeCheckpoint(target, Map.of("epoch", 1));
        PthWriter.writeCheckpoint(target, Map.of("epoch", 2));
        PthValue.Dict read = (PthValue.Dict) PthReader.read(target);
        assertEquals(new PthValue.Int(2), read.get("epoch").orElseThrow());
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void aValueThatCannotBeWrittenLeavesTheOldFileUntouched() throws IOException {
        Path target = temp.resolve("best.pth");
        PthWriter.writeCheckpoint(target, Map.of("epoch", 1));
        byte[] before = Files.readAllBytes(target);
        assertThrows(IllegalArgumentException.class,
                () -> PthWriter.writeCheckpoint(target, Map.of("args", new PthValue.Opaque("argparse.Namespace"))));
        assertArrayEquals(before, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void largeAndNegativeIntegersAndFloatsSurviveARoundTrip() throws IOException {
        Path target = temp.resolve("numbers.pth");
        List<Long> numbers = List.of(0L, 255L, 256L, 65535L, 65536L, -1L, -129L, (long) Integer.MIN_VALUE,
                Integer.MAX_VALUE + 1L, Long.MAX_VALUE, Long.MIN_VALUE);
        Map<String, Object> checkpoint = new LinkedHashMap<>();
        checkpoint.put("numbers", numbers);
        checkpoint.put("pi", Math.PI);
        checkpoint.put("device", new PthValue.Device("cpu"));
        checkpoint.put("shape", new PthValue.TupleValue(List.of(new PthValue.Int(3), new PthValue.Int(4))));
        PthWriter.writeCheckpoint(target, checkpoint);
        PthValue.Dict read = (PthValue.Dict) PthReader.read(target);
        assertEquals(PthValues.of(numbers), read.get("numbers").orElseThrow());
        assertEquals(new PthValue.Float(Math.PI), read.get("pi").orElseThrow());
        assertEquals(new PthValue.Device("cpu"), read.get("device").orElseThrow());
        assertEquals(checkpoint.get("shape"), read.get("shape").orElseThrow());
    }
}
