package io.boxwork.app.review;

import io.boxwork.annotations.storage.Project;
import io.boxwork.app.train.DetectorFactory;
import io.boxwork.engine.data.DetectionSample;
import io.boxwork.engine.data.ImageDecoder;
import io.boxwork.engine.data.SampleTensors;
import io.boxwork.engine.detection.RawCandidates;
import io.boxwork.engine.device.DevicePreference;
import io.boxwork.engine.device.Devices;
import io.boxwork.engine.device.NativeMemory;
import io.boxwork.engine.inference.DetectorModel;
import io.boxwork.engine.train.CheckpointFile;
import io.boxwork.engine.train.ModelState;
import io.boxwork.engine.train.StartingPoint;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Runs a checkpoint over images once and keeps every image's raw candidates, so the review
 * sliders never need the network again. Runs on a background thread, on the GPU when there is
 * one; checks for cancellation between images.
 */
public final class CheckpointPredictor {

    /** Told after each image: how many are done of how many. */
    @FunctionalInterface
    public interface Progress {
        void done(int images, int total);
    }

    private CheckpointPredictor() {
    }

    public static CachedPredictions predict(Project project, List<String> images, Path checkpoint, DetectorFactory factory,
                                            Progress progress, BooleanSupplier cancelled) throws IOException {
        long size = Files.size(checkpoint);
        long modified = Files.getLastModifiedTime(checkpoint).toMillis();
        CheckpointFile.Contents saved = CheckpointFile.read(checkpoint);
        // The checkpoint replaces every weight: no starting weights to load (or download) first.
        DetectorModel model = factory.create(saved.config().withStart(new StartingPoint.Scratch()), saved.classNames());
        ModelState.load(model.module(), saved.model(), true, checkpoint.toString());
        model.to(Devices.choose(DevicePreference.AUTO));
        model.module().train(false);
        Map<String, RawCandidates> out = new LinkedHashMap<>();
        Map<String, ImageStamp> stamps = new HashMap<>();
        for (int i = 0; i < images.size(); i++) {
            if (cancelled.getAsBoolean()) throw new CancellationException("prediction cancelled after " + i + " of " + images.size() + " images");
            String path = images.get(i);
            // Stamped before reading, so a file replaced while it is read counts as changed next time.
            stamps.put(path, ImageStamp.of(project.imageFile(path)));
            DetectionSample sample = new DetectionSample(path, ImageDecoder.decode(project.imageFile(path)), new float[0], new long[0]);
            try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                out.put(path, model.detect(List.of(SampleTensors.of(sample).to(model.device()).image())).get(0).candidates());
            }
            progress.done(i + 1, images.size());
        }
        NativeMemory.returnFreePages();
        return new CachedPredictions(checkpoint.getFileName().toString(), size, modified, saved.classNames(), out, stamps);
    }
}
