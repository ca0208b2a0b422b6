package io.boxwork.engine.weights;

import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PthReaderTest {

    @TempDir
    Path temp;

    private static void assertReadsLikePython(String fixture) throws IOException {
        PthValue value = PthReader.read(WeightFixtures.file(fixture));
        TensorReference.assertTree(WeightFixtures.reference(fixture), value, fixture);
    }

    @Test
    void readsTorchvisionResnet18StateDictBitForBit() throws IOException {
        assertReadsLikePython("resnet18");
    }

    @Test
    void readsFasterRcnnResnet50FpnStateDictBitForBit() throws IOException {
        assertReadsLikePython("fasterrcnn_resnet50_fpn");
    }

    @Test
    void readsTensorsOfEveryStorageDtype() throws IOException {
        assertReadsLikePython("dtypes");
    }

    @Test
    void readsCheckpointWithNestedStateDictOptimizerStateAndScalars() throws IOException {
        assertReadsLikePython("checkpoint");
        PthValue.Dict checkpoint = (PthValue.Dict) PthReader.read(WeightFixtures.file("checkpoint"));
        assertEquals(new PthValue.Int(3), checkpoint.get("epoch").orElseThrow());
        assertEquals(new PthValue.Int(1L << 40), checkpoint.get("step").orElseThrow());
        PthValue.Dict optimizer = (PthValue.Dict) checkpoint.get("optimizer").orElseThrow();
        PthValue.Dict state = (PthValue.Dict) optimizer.get("state").orElseThrow();
        PthValue.Dict first = (PthValue.Dict) state.get(0).orElseThrow();
        assertInstanceOf(PthValue.TensorValue.class, first.get("momentum_buffer").orElseThrow());
    }

    @Test
    void readsPickleProtocol4Opcodes() throws IOException {
        assertReadsLikePython("views_protocol4");
        assertReadsLikePython("dtypes_protocol4");
    }

    @Test
    void readsLegacyNonZipFormatLikeTheZipFormat() throws IOException {
        assertReadsLikePython("resnet18_legacy");
    }

    @Test
    void keepsStridesOffsetsAndSharedStoragesOfViews() throws IOException {
        assertReadsLikePython("views");
        PthValue.Dict views = (PthValue.Dict) PthReader.read(WeightFixtures.file("views"));
        Tensor matrix = tensor(views, "matrix");
        Tensor transposed = tensor(views, "transposed");
        Tensor tail = tensor(views, "tail");
        assertTrue(transposed.storage().is_alias_of(matrix.storage()), "transposed view shares the matrix storage");
        assertTrue(tail.storage().is_alias_of(matrix.storage()), "sliced view shares the matrix storage");
        assertFalse(tensor(views, "parameter").storage().is_alias_of(matrix.storage()));
        assertFalse(transposed.is_contiguous());
        assertEquals(10, tail.storage_offset());
    }

    @Test
    void readStateDictFindsTheModelInsideACheckpoint() throws IOException {
        StateDict model = PthReader.readStateDict(WeightFixtures.file("checkpoint"));
        assertEquals(java.util.List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var",
                "1.num_batches_tracked", "3.weight", "3.bias"), java.util.List.copyOf(model.keys()));
    }

    @Test
    void truncatedArchiveFailsNamingTheFile() throws IOException {
        Path whole = WeightFixtures.file("resnet18");
        Path cut = temp.resolve("cut.pth");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(whole), 1_000_000));
        PthFormatException error = assertThrows(PthFormatException.class, () -> PthReader.read(cut));
        assertEquals(cut, error.file());
        assertTrue(error.getMessage().contains("truncated"), error.getMessage());
    }

    @Test
    void truncatedLegacyFileFailsNamingTheStorage() throws IOException {
        Path whole = WeightFixtures.file("resnet18_legacy");
        Path cut = temp.resolve("cut_legacy.pth");
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 1000));
        PthFormatException error = assertThrows(PthFormatException.class, () -> PthReader.read(cut));
        assertEquals("legacy", error.part());
        assertTrue(error.getMessage().contains("truncated: storage"), error.getMessage());
    }

    @Test
    void pickleCutInsideAnOpcodeReportsTheOpcodeAndItsOffset() throws IOException {
        // PROTO 2, EMPTY_DICT, BINUNICODE announcing 50 bytes of which 3 follow
        Path file = archiveWithPickle(new byte[] {(byte) 0x80, 2, '}', 'X', 50, 0, 0, 0, 'a', 'b', 'c'});
        PthFormatException error = assertThrows(PthFormatException.class, () -> PthReader.read(file));
        assertEquals("archive/data.pkl", error.part());
        assertEquals(3, error.offset());
        assertTrue(error.getMessage().contains("truncated"), error.getMessage());
    }

    @Test
    void unsupportedOpcodeReportsItsByteAndOffset() throws IOException {
        Path file = archiveWithPickle(new byte[] {(byte) 0x80, 2, (byte) 0xff, '.'});
        PthFormatException error = assertThrows(PthFormatException.class, () -> PthReader.read(file));
        assertEquals(2, error.offset());
        assertTrue(error.getMessage().contains("unsupported pickle opcode 0xff"), error.getMessage());
    }

    @Test
    void unknownClassesBecomeOpaqueInsteadOfRunning() throws IOException {
        // {"args": argparse.Namespace(), "epoch": 1}: GLOBAL, EMPTY_TUPLE, NEWOBJ, EMPTY_DICT, BUILD
        byte[] pickle = concat(new byte[] {(byte) 0x80, 2, '}', '(', 'X', 4, 0, 0, 0}, "args".getBytes(),
                new byte[] {'c'}, "argparse\nNamespace\n".getBytes(), new byte[] {')', (byte) 0x81, '}', 'b',
                        'X', 5, 0, 0, 0}, "epoch".getBytes(), new byte[] {'K', 1, 'u', '.'});
        PthValue.Dict root = (PthValue.Dict) PthReader.read(archiveWithPickle(pickle));
        assertEquals(new PthValue.Opaque("argparse.Namespace"), root.get("args").orElseThrow());
        assertEquals(new PthValue.Int(1), root.get("epoch").orElseThrow());
    }

    @Test
    void aFileThatIsNotTorchIsRefusedAtItsHeader() throws IOException {
        Path file = temp.resolve("notes.pth");
        Files.writeString(file, "just some text");
        PthFormatException error = assertThrows(PthFormatException.class, () -> PthReader.read(file));
        assertEquals("header", error.part());
    }

    @Test
    void bigEndianStoragesInADeflatedArchiveReadAsTheSameNumbers() throws IOException {
        Tensor original = Tensor.create(new float[] {1.5f, -2f, 3.25f, 1e-7f}, 2, 2);
        Path little = temp.resolve("little.pth");
        PthWriter.writeStateDict(little, new StateDict(java.util.Map.of("x", original)));
        Path big = temp.resolve("big.pth");
        try (java.util.zip.ZipFile source = new java.util.zip.ZipFile(little.toFile());
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(big))) {
            for (ZipEntry entry : java.util.Collections.list(source.entries())) {
                byte[] bytes = source.getInputStream(entry).readAllBytes();
                if (entry.getName().endsWith("/byteorder")) {
                    bytes = "big".getBytes();
                } else if (entry.getName().endsWith("/data/0")) {
                    for (int i = 0; i < bytes.length; i += 4) {
                        byte b0 = bytes[i];
                        byte b1 = bytes[i + 1];
                        bytes[i] = bytes[i + 3];
                        bytes[i + 1] = bytes[i + 2];
                        bytes[i + 2] = b1;
                        bytes[i + 3] = b0;
                    }
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        Tensor read = PthReader.readStateDict(big).get("x").orElseThrow();
        assertTrue(read.equal(original), "values after byte swapping");
    }

    private static Tensor tensor(PthValue.Dict dict, String key) {
        return ((PthValue.TensorValue) dict.get(key).orElseThrow()).tensor();
    }

    private Path archiveWithPickle(byte[] pickle) throws IOException {
        Path file = temp.resolve("hand-made.pth");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            zip.write(pickle);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("archive/version"));
            zip.write("3\n".getBytes());
            zip.closeEntry();
        }
        return file;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
