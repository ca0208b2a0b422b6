package io.boxwork.engine.cli;

import com.google.gson.JsonObject;
import io.boxwork.annotations.model.AnchorSettings;
import io.boxwork.engine.data.SampleSource;
import io.boxwork.engine.device.ComputeDevice;
import io.boxwork.engine.device.ThreadSettings;
import io.boxwork.engine.inference.DetectorSpec;
import io.boxwork.engine.inference.FasterRcnnDetector;
import io.boxwork.engine.train.LrSchedule;
import io.boxwork.engine.train.RunFolder;
import io.boxwork.engine.train.StartingPoint;
import io.boxwork.engine.train.TrainConfig;
import io.boxwork.engine.train.Trainer;
import io.boxwork.engine.train.TrainingEvent;
import io.boxwork.engine.train.Warmup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "bench", description = "Train one epoch on generated images and report images/s and resident memory.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--images", defaultValue = "8")
    int images;

    @Option(names = "--size", defaultValue = "320", description = "side of the square images, also the model's min and max size")
    int size;

    @Option(names = "--batch", defaultValue = "2")
    int batch;

    @Option(names = "--backbone", defaultValue = "resnet18_fpn")
    String backbone;

    @Option(names = "--trainable-layers", defaultValue = "3")
    int trainableLayers;

    @Option(names = "--torchvision-proposals", description = "torchvision's proposal counts instead of the small budget")
    boolean torchvisionProposals;

    @Option(names = "--threads", defaultValue = "0")
    int threads;

    @Option(names = "--device", defaultValue = "auto", description = EngineSetup.DEVICE_HELP)
    String device;

    @Option(names = "--json")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ThreadSettings t = EngineSetup.threads(threads);
        ComputeDevice compute = EngineSetup.device(device);
        AnchorSettings defaults = AnchorSettings.torchvisionDefaults();
        AnchorSettings anchors = new AnchorSettings(defaults.sizes(), defaults.aspectRatios(), size, size);
        TrainConfig config = new TrainConfig(backbone, trainableLayers, new StartingPoint.Scratch(), 1, batch, 0.01, 0.9, 1e-4,
            new Warmup(0, 1.0), new LrSchedule.Constant(), 10.0, anchors, 0, 1, 1L, device, false,
            torchvisionProposals ? DetectorSpec.ProposalBudget.torchvision() : DetectorSpec.ProposalBudget.small());
        FasterRcnnDetector model = new DetectorSpec(backbone, trainableLayers, List.of("a", "b"), anchors, Double.NaN,
            config.proposals()).buildForTraining(config.start());
        model.to(compute);
        Path tmp = Files.createTempDirectory("boxwork-bench");
        long rssBefore = rssKib();
        List<TrainingEvent.Iteration> its = new ArrayList<>();
        SampleSource none = new BenchSamples(0, size);
        Trainer trainer = Trainer.start(model, config, new BenchSamples(images, size), none, RunFolder.create(tmp, Clock.systemUTC()));
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Iteration it) its.add(it);
        });
        long began = System.nanoTime();
        trainer.run();
        double seconds = (System.nanoTime() - began) / 1e9;
        long rssAfter = rssKib();
        deleteTree(tmp);
        // The first step pays for allocator warm-up and lazy initialisation; steady state is what a long run sees.
        double steady = its.size() > 1 ? its.subList(1, its.size()).stream().mapToDouble(TrainingEvent.Iteration::imagesPerSecond).average().orElse(Double.NaN)
            : its.get(0).imagesPerSecond();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("images", images);
            o.addProperty("size", size);
            o.addProperty("batch", batch);
            o.addProperty("backbone", backbone);
            o.addProperty("threads", t.intraOpThreads());
            o.addProperty("device", compute.description());
            o.add("epoch_seconds", JsonOut.number(seconds));
            o.add("images_per_second_epoch", JsonOut.number(images / seconds));
            o.add("images_per_second_steady", JsonOut.number(steady));
            o.addProperty("rss_mib_before", rssBefore / 1024);
            o.addProperty("rss_mib_after", rssAfter / 1024);
            JsonOut.print(out, o);
        } else {
            out.printf(Locale.ROOT, "%s, %d images of %dx%d, batch %d, %s: epoch %.1f s, %.2f images/s (steady %.2f), RSS %d -> %d MiB%n",
                backbone, images, size, size, batch, compute.description(), seconds, images / seconds, steady, rssBefore / 1024, rssAfter / 1024);
            out.flush();
        }
        return 0;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Resident set size from /proc (Linux); -1 elsewhere. */
    static long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
