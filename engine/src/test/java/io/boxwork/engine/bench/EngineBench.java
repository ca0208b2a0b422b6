package io.boxwork.engine.bench;

import com.google.gson.JsonObject;
import io.boxwork.engine.device.NativeMemory;
import io.boxwork.engine.device.NativeThreads;
import io.boxwork.engine.device.ThreadSettings;
import org.bytedeco.pytorch.global.torch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * The Java side of {@code scripts/bench-engine.sh}'s speed table: inference milliseconds per image
 * (batch 1, eval, no grad) and training milliseconds per step (batch 2, SGD momentum 0.9) of one
 * detector configuration, after warm-up, printed as one JSON line. Options mirror
 * {@code bench_torchvision.py}'s, so the script passes both sides the same words.
 */
@Command(name = "engine-bench", mixinStandardHelpOptions = true,
        description = "Times the engine's Faster R-CNN: inference per image and training step per batch of 2.")
public final class EngineBench implements Callable<Integer> {

    @Option(names = "--backbone", description = "resnet18, resnet34, resnet50 or resnet101 (default: ${DEFAULT-VALUE})")
    String backbone = "resnet18";

    @Option(names = "--size", description = "Square image side and the detector's min/max size (default: ${DEFAULT-VALUE})")
    int size = 512;

    @Option(names = "--threads", description = "LibTorch intra-op threads (default: ${DEFAULT-VALUE})")
    int threads = 2;

    @Option(names = "--warmup", description = "Untimed calls of each kind first (default: ${DEFAULT-VALUE})")
    int warmup = 1;

    @Option(names = "--infer-reps", description = "Timed inference calls; 0 skips inference (default: ${DEFAULT-VALUE})")
    int inferReps = 5;

    @Option(names = "--train-reps", description = "Timed training steps; 0 skips training (default: ${DEFAULT-VALUE})")
    int trainReps = 3;

    @Option(names = "--num-classes", description = "Classes including the background (default: ${DEFAULT-VALUE})")
    int numClasses = 4;

    @Option(names = "--boxes", description = "Ground-truth boxes per training image (default: ${DEFAULT-VALUE})")
    int boxesPerImage = 4;

    @Option(names = "--stages", description = "Also time the inference stages (transform, body, fpn, rpn, roi_heads), median ms of --infer-reps calls")
    boolean stages;

    @Option(names = "--weights", description = "Start from this state dict (.pth) instead of a random init, e.g. the one bench_torchvision.py --save-weights wrote")
    Path weights;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EngineBench()).execute(args));
    }

    @Override
    public Integer call() {
        ThreadSettings threadSettings = NativeThreads.configure(threads, 1);
        torch.manual_seed(0);
        Random random = new Random(0);
        JsonObject result = BenchResult.header("java", engineName(), backbone, size,
                threadSettings.intraOpThreads(), threadSettings.interOpThreads());
        result.addProperty("warmup", warmup);

        if (inferReps > 0) {
            try (BenchDetector detector = new BenchDetector(depth(backbone), size, numClasses,
                    BenchDetector.Purpose.INFERENCE, weights)) {
                SyntheticBatch one = SyntheticBatch.draw(size, 1, boxesPerImage, numClasses, random);
                long detections = 0;
                for (int i = 0; i < warmup; i++) {
                    detections = detector.infer(one.images());
                }
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < inferReps; i++) {
                    long start = System.nanoTime();
                    detections = detector.infer(one.images());
                    millis.add((System.nanoTime() - start) / 1e6);
                }
                BenchResult.addTimings(result, "infer", new Timings(millis));
                result.addProperty("detections", detections);
                if (stages) {
                    Map<String, List<Double>> byStage = new LinkedHashMap<>();
                    for (int i = 0; i < inferReps; i++) {
                        detector.inferStages(one.images()).forEach((k, v) -> byStage.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                    }
                    byStage.forEach((k, v) -> result.addProperty(k.equals("proposals") ? "stage_proposals" : "stage_" + k + "_ms",
                        Math.round(new Timings(v).median() * 10) / 10.0));
                }
            }
        }
        if (trainReps > 0) {
            try (BenchDetector detector = new BenchDetector(depth(backbone), size, numClasses,
                    BenchDetector.Purpose.TRAINING, weights)) {
                SyntheticBatch two = SyntheticBatch.draw(size, 2, boxesPerImage, numClasses, random);
                double loss = Double.NaN;
                for (int i = 0; i < warmup; i++) {
                    loss = detector.trainStep(two);
                }
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < trainReps; i++) {
                    long start = System.nanoTime();
                    loss = detector.trainStep(two);
                    millis.add((System.nanoTime() - start) / 1e6);
                }
                BenchResult.addTimings(result, "train", new Timings(millis));
                result.addProperty("last_loss", Math.round(loss * 1e4) / 1e4);
            }
        }
        BenchResult.addRss(result, ProcessRss.now());
        // What the engine holds once it goes idle (it trims at such pauses); torchvision's side does the same.
        NativeMemory.returnFreePages();
        result.addProperty("rss_trimmed_mib", BenchResult.round(ProcessRss.now().rssMiB()));
        System.out.println(BenchResult.line(result));
        return 0;
    }

    /** The ResNet depth in a torchvision backbone name ({@code resnet50} gives 50). */
    static int depth(String backboneName) {
        if (!backboneName.matches("resnet(18|34|50|101)")) {
            throw new IllegalArgumentException("Unknown backbone '" + backboneName + "': expected resnet18, resnet34, resnet50 or resnet101");
        }
        return Integer.parseInt(backboneName.substring("resnet".length()));
    }

    static String engineName() {
        String version = torch.class.getPackage().getImplementationVersion();
        return "boxwork engine, LibTorch " + (version == null ? "(version unknown)" : version);
    }
}
