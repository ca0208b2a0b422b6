package io.boxwork.engine.weights;

import com.google.gson.JsonParser;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How long reading a torchvision Faster R-CNN state dict (~160 MB) takes. Run after the tests
 * have written the fixtures:
 * {@code java -cp <test classpath> io.boxwork.engine.weights.PthReadBench [file] [repeats]}.
 */
public final class PthReadBench {

    private PthReadBench() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/parity-fixtures/weights/fasterrcnn_resnet50_fpn.pth");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        if (!Files.exists(file)) {
            System.err.println(file + " does not exist: run the weights tests first (they write it)");
            System.exit(2);
        }
        long startup = System.nanoTime();
        // load the natives first, so the first read is timed as a read and not as start-up
        Tensor.create(new float[] {0f}).close();
        System.out.printf("LibTorch start-up: %d ms%n", (System.nanoTime() - startup) / 1_000_000);
        long[] millis = new long[repeats];
        int tensors = 0;
        for (int i = 0; i < repeats; i++) {
            try (PointerScope scope = new PointerScope()) {
                long start = System.nanoTime();
                StateDict stateDict = PthReader.readStateDict(file);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
                tensors = stateDict.size();
            }
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("read %s (%.1f MB, %d tensors) %d times: min %d ms, median %d ms, all %s%n",
                file.getFileName(), Files.size(file) / 1e6, tensors, repeats, sorted[0], sorted[repeats / 2],
                Arrays.toString(millis));
        Path reference = Path.of(file.toString().replaceFirst("\\.pth$", ".json"));
        if (Files.exists(reference)) {
            try (Reader json = Files.newBufferedReader(reference)) {
                Module mirror = MirrorModule.of(JsonParser.parseReader(json));
                StateDict weights = PthReader.readStateDict(file);
                long start = System.nanoTime();
                LoadReport report = WeightLoader.loadStrict(mirror, weights);
                System.out.printf("copy into a module by name: %d ms (%s)%n", (System.nanoTime() - start) / 1_000_000, report.summary());
            }
        }
    }
}
