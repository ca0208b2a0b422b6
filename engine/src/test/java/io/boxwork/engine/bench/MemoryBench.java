package io.boxwork.engine.bench;

import com.google.gson.JsonObject;
import io.boxwork.engine.device.NativeThreads;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.global.torch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;

/**
 * Resident memory over many inference calls and training steps, each in its own
 * {@code PointerScope}: the check that native memory stays flat. Prints one JSON line per sample
 * and one summary line per phase on stdout (for {@link BenchTable}), and progress on stderr.
 */
@Command(name = "memory-bench", mixinStandardHelpOptions = true,
        description = "Samples VmRSS over repeated inference calls and training steps and fits its slope.")
public final class MemoryBench implements Callable<Integer> {

    @Option(names = "--backbone", description = "(default: ${DEFAULT-VALUE})")
    String backbone = "resnet18";

    @Option(names = "--size", description = "Square image side; small keeps 1,000 calls to minutes (default: ${DEFAULT-VALUE})")
    int size = 192;

    @Option(names = "--threads", description = "LibTorch intra-op threads (default: ${DEFAULT-VALUE})")
    int threads = 2;

    @Option(names = "--warmup", description = "Unsampled calls of each kind first, while caches fill (default: ${DEFAULT-VALUE})")
    int warmup = 5;

    @Option(names = "--calls", description = "Inference calls; 0 skips the phase (default: ${DEFAULT-VALUE})")
    int calls = 1000;

    @Option(names = "--steps", description = "Training steps; 0 skips the phase (default: ${DEFAULT-VALUE})")
    int steps = 300;

    @Option(names = "--every", description = "Inference calls between two samples (default: ${DEFAULT-VALUE})")
    int every = 100;

    @Option(names = "--train-every", description = "Training steps between two samples (default: ${DEFAULT-VALUE})")
    int trainEvery = 25;

    @Option(names = "--trim", description = "Return free heap pages to the system (malloc_trim) before each sample, "
            + "to tell allocator fragmentation from memory still in use")
    boolean trim;

    @Option(names = "--num-classes", description = "(default: ${DEFAULT-VALUE})")
    int numClasses = 4;

    public static void main(String[] args) {
        System.exit(new CommandLine(new MemoryBench()).execute(args));
    }

    @Override
    public Integer call() {
        NativeThreads.configure(threads, 1);
        torch.manual_seed(0);
        Random random = new Random(0);
        int depth = EngineBench.depth(backbone);
        if (calls > 0) {
            try (BenchDetector detector = new BenchDetector(depth, size, numClasses, BenchDetector.Purpose.INFERENCE)) {
                SyntheticBatch one = SyntheticBatch.draw(size, 1, 4, numClasses, random);
                run("infer", calls, every, i -> detector.infer(one.images()));
            }
        }
        if (steps > 0) {
            try (BenchDetector detector = new BenchDetector(depth, size, numClasses, BenchDetector.Purpose.TRAINING)) {
                SyntheticBatch two = SyntheticBatch.draw(size, 2, 4, numClasses, random);
                run("train", steps, trainEvery, i -> detector.trainStep(two));
            }
        }
        return 0;
    }

    private void run(String phase, int count, int sampleEvery, IntConsumer call) {
        for (int i = 0; i < warmup; i++) {
            call.accept(i);
        }
        List<RssSlope.Sample> samples = new ArrayList<>();
        samples.add(sample(phase, 0, 0));
        long start = System.nanoTime();
        for (int i = 1; i <= count; i++) {
            call.accept(i);
            if (i % sampleEvery == 0 || i == count) {
                samples.add(sample(phase, i, (System.nanoTime() - start) / 1e9));
            }
        }
        JsonObject summary = base(phase);
        summary.addProperty("summary", true);
        summary.addProperty("calls", count);
        summary.addProperty("first_mib", BenchResult.round(samples.get(0).mib()));
        summary.addProperty("last_mib", BenchResult.round(samples.get(samples.size() - 1).mib()));
        summary.addProperty("max_mib", BenchResult.round(samples.stream().mapToDouble(RssSlope.Sample::mib).max().orElseThrow()));
        summary.addProperty("slope_mib_per_100", Math.round(RssSlope.mibPer100Calls(samples) * 100) / 100.0);
        summary.addProperty("seconds", BenchResult.round((System.nanoTime() - start) / 1e9));
        System.out.println(BenchResult.line(summary));
        System.out.flush();
    }

    private RssSlope.Sample sample(String phase, int done, double seconds) {
        if (trim) {
            Pointer.trimMemory();
        }
        ProcessRss rss = ProcessRss.now();
        JsonObject line = base(phase);
        line.addProperty("calls", done);
        line.addProperty("rss_mib", BenchResult.round(rss.rssMiB()));
        // the JVM heap is part of RSS: committed and used, to tell heap growth from native growth
        Runtime jvm = Runtime.getRuntime();
        line.addProperty("heap_committed_mib", BenchResult.round(jvm.totalMemory() / 1048576.0));
        line.addProperty("heap_used_mib", BenchResult.round((jvm.totalMemory() - jvm.freeMemory()) / 1048576.0));
        // what JavaCPP itself still holds: pointers not yet freed by a scope or the collector
        line.addProperty("javacpp_pointers", Pointer.totalCount());
        line.addProperty("javacpp_mib", BenchResult.round(Pointer.totalBytes() / 1048576.0));
        line.addProperty("seconds", BenchResult.round(seconds));
        System.out.println(BenchResult.line(line));
        System.out.flush();
        System.err.printf("java %s: %5d calls, RSS %.1f MiB (JVM heap committed %.0f MiB, %d JavaCPP pointers), %.0f s%n",
                phase, done, rss.rssMiB(), jvm.totalMemory() / 1048576.0, Pointer.totalCount(), seconds);
        return new RssSlope.Sample(done, rss.rssMiB());
    }

    private JsonObject base(String phase) {
        JsonObject o = new JsonObject();
        o.addProperty("mode", "memory");
        o.addProperty("side", "java");
        o.addProperty("impl", EngineBench.engineName());
        o.addProperty("backbone", backbone);
        o.addProperty("size", size);
        o.addProperty("threads", threads);
        o.addProperty("phase", phase);
        o.addProperty("trim", trim);
        return o;
    }
}
