package io.boxwork.engine.train;

import io.boxwork.engine.data.DataLoader;
import io.boxwork.engine.data.DetectionBatch;
import io.boxwork.engine.data.LoaderOptions;
import io.boxwork.engine.data.SampleSource;
import io.boxwork.engine.data.SampleTensors;
import io.boxwork.engine.detection.Target;
import io.boxwork.engine.device.NativeMemory;
import io.boxwork.engine.inference.DetectorModel;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.bytedeco.pytorch.global.torch.manual_seed;

/**
 * The training loop: SGD with warm-up and a schedule, gradient clipping, evaluation after each
 * epoch, early stopping, {@code last.pth} / {@code best.pth}, stop on request and exact resume.
 *
 * <p>Every random draw is seeded: the epoch's order and each image's augmentation by the data
 * loader from (seed, epoch, item), the samplers inside the model from (seed, step). So a resumed
 * run takes the same steps an uninterrupted one would.
 *
 * <p>The run computes on the device the model is on (move it with {@link DetectorModel#to} before
 * building the trainer); checkpoints are written as CPU tensors either way.
 */
public final class Trainer {
    private final DetectorModel model;
    private final TrainConfig config;
    private final SampleSource train;
    private final SampleSource val;
    private final RunFolder run;
    private final SgdOptimizer optimizer;
    private final DataLoader loader;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final List<TrainingEvent> history = new ArrayList<>();
    private final int iterationsPerEpoch;
    private final LearningRate learningRate;
    private volatile boolean stopRequested;
    private LossHook lossHook = LossHook.NONE;
    private TrainingProgress progress;

    private Trainer(DetectorModel model, TrainConfig config, SampleSource train, SampleSource val, RunFolder run,
                    TrainingProgress progress) {
        if (train.size() == 0) throw new IllegalArgumentException("the train split has no labelled image");
        this.model = model;
        this.config = config;
        this.train = train;
        this.val = val;
        this.run = run;
        this.progress = progress;
        this.optimizer = new SgdOptimizer(model.module(), config.momentum(), config.weightDecay());
        // One decoding thread: the second core belongs to LibTorch (and the UI, on a desktop).
        this.loader = new DataLoader(train, LoaderOptions.training(config.batchSize(), config.seed()).withWorkers(1));
        this.iterationsPerEpoch = loader.batchesPerEpoch();
        this.learningRate = new LearningRate(config.learningRate(), config.warmup(), config.schedule(),
            (long) iterationsPerEpoch * config.epochs(), iterationsPerEpoch);
    }

    /** A new run in {@code run}: writes its config.json. The model holds the starting weights already. */
    public static Trainer start(DetectorModel model, TrainConfig config, SampleSource train, SampleSource val, RunFolder run)
            throws IOException {
        run.writeConfig(config);
        return new Trainer(model, config, train, val, run, TrainingProgress.start());
    }

    /**
     * Carries on a run from its {@code last.pth}: model weights, momentum buffers, step counter,
     * schedule position and best score all come back. {@code model} must be built for the same
     * classes and backbone; {@code epochs} may be raised to train longer.
     */
    public static Trainer resume(DetectorModel model, RunFolder run, SampleSource train, SampleSource val, Integer epochs)
            throws IOException {
        CheckpointFile.Contents saved = CheckpointFile.read(run.last());
        if (!saved.classNames().equals(model.classNames())) {
            throw new IllegalArgumentException(run.last() + ": trained for classes " + saved.classNames()
                + " but the project now has " + model.classNames());
        }
        ModelState.load(model.module(), saved.model(), true, run.last().toString());
        TrainConfig config = epochs == null ? saved.config() : saved.config().withEpochs(epochs);
        Trainer t = new Trainer(model, config, train, val, run, saved.progress());
        t.optimizer.loadStateDict(saved.optimizer(), run.last().toString());
        if (epochs != null) run.writeConfig(config);
        t.history.addAll(MetricsLog.read(run.metrics()));
        return t;
    }

    public void addListener(TrainingListener l) {
        listeners.add(l);
    }

    public void setLossHook(LossHook hook) {
        this.lossHook = hook == null ? LossHook.NONE : hook;
    }

    /** Safe from any thread: the run saves last.pth and ends before its next step. */
    public void requestStop() {
        stopRequested = true;
    }

    public TrainConfig config() {
        return config;
    }

    public RunFolder runFolder() {
        return run;
    }

    public int iterationsPerEpoch() {
        return iterationsPerEpoch;
    }

    public TrainingProgress progress() {
        return progress;
    }

    /** Runs until done, stopped, early-stopped or failed; the returned event is also the last one sent. */
    public TrainingEvent run() throws IOException {
        try (MetricsLog log = new MetricsLog(run.metrics())) {
            listeners.add(0, log);
            try {
                return loop();
            } finally {
                listeners.remove(log);
                loader.close();
                NativeMemory.returnFreePages();
            }
        }
    }

    private TrainingEvent loop() throws IOException {
        model.module().train(true);
        long totalIterations = (long) iterationsPerEpoch * config.epochs();
        double smoothedSeconds = Double.NaN;
        while (progress.epochsDone() < config.epochs()) {
            int epoch = progress.epochsDone();
            long epochStart = (long) epoch * iterationsPerEpoch;
            try (DataLoader.Epoch batches = loader.epoch(epoch)) {
                // A resumed epoch replays the loader up to where it stopped: same order, same augmentation.
                for (long skip = epochStart; skip < progress.nextIteration() && batches.hasNext(); skip++) batches.next();
                for (long it = progress.nextIteration(); it < epochStart + iterationsPerEpoch; it++) {
                    if (stopRequested) return stop(TrainingEvent.FinishReason.STOPPED);
                    long began = System.nanoTime();
                    DetectionBatch batch = batches.next();
                    double lr = learningRate.at(it);
                    Map<String, Double> parts = new LinkedHashMap<>();
                    double total;
                    try (PointerScope scope = new PointerScope()) {
                        manual_seed(config.seed() * 1_000_003L + it);
                        Device device = model.device();
                        List<SampleTensors> tensors = batch.toTensors().stream().map(t -> t.to(device)).toList();
                        List<Tensor> images = tensors.stream().map(SampleTensors::image).toList();
                        List<Target> targets = tensors.stream().map(t -> new Target(t.boxes(), t.labels())).toList();
                        Map<String, Tensor> losses = model.losses(images, targets,
                            new SplittableRandom(config.seed() ^ (it * 0x9E3779B97F4A7C15L)));
                        Tensor sum = null;
                        for (Map.Entry<String, Tensor> e : losses.entrySet()) {
                            parts.put(e.getKey(), e.getValue().item_double());
                            sum = sum == null ? e.getValue() : sum.add(e.getValue());
                        }
                        if (sum == null) throw new IllegalStateException("the model returned no loss");
                        sum = lossHook.apply(it, sum);
                        total = sum.item_double();
                        if (!Double.isFinite(total)) {
                            return fail("loss became " + total + " at iteration " + (it + 1) + " (epoch " + (epoch + 1) + ", parts "
                                + parts + "); last.pth keeps the last good state: lower the learning rate (now " + lr
                                + ") and resume", epoch, it);
                        }
                        optimizer.zeroGrad();
                        sum.backward();
                        optimizer.clipGradients(config.clipNorm());
                        optimizer.step(lr);
                    }
                    progress = new TrainingProgress(it + 1, epoch, progress.bestMap50(), progress.epochsWithoutImprovement(),
                        progress.evaluatedEpochs());
                    double seconds = (System.nanoTime() - began) / 1e9;
                    smoothedSeconds = Double.isNaN(smoothedSeconds) ? seconds : 0.9 * smoothedSeconds + 0.1 * seconds;
                    Duration eta = Duration.ofMillis((long) (smoothedSeconds * 1000 * (totalIterations - it - 1)));
                    emit(new TrainingEvent.Iteration(epoch, it, totalIterations, parts, total, lr, batch.size() / seconds, eta));
                }
            }
            progress = new TrainingProgress(progress.nextIteration(), epoch + 1, progress.bestMap50(),
                progress.epochsWithoutImprovement(), progress.evaluatedEpochs());
            boolean earlyStop = evaluateIfDue(epoch);
            saveLast();
            writeCurves();
            NativeMemory.returnFreePages();
            if (earlyStop) return finish(TrainingEvent.FinishReason.EARLY_STOPPED);
        }
        return finish(TrainingEvent.FinishReason.COMPLETED);
    }

    /** @return true when patience ran out */
    private boolean evaluateIfDue(int epoch) throws IOException {
        boolean due = (epoch + 1) % config.evalEvery() == 0 || epoch + 1 == config.epochs();
        if (!due || val.size() == 0 || progress.evaluatedEpochs() > epoch) return false;
        Validation.Result r = Validation.run(model, val, model.classNames(), config.batchSize(), config.seed());
        model.module().train(true);
        emit(new TrainingEvent.Evaluation(epoch, r.metrics()));
        double score = r.metrics().map50();
        boolean better = Double.isFinite(score) && (Double.isNaN(progress.bestMap50()) || score > progress.bestMap50());
        progress = new TrainingProgress(progress.nextIteration(), progress.epochsDone(), better ? score : progress.bestMap50(),
            better ? 0 : progress.epochsWithoutImprovement() + 1, epoch + 1);
        if (better) save(run.best(), TrainingEvent.CheckpointKind.BEST);
        return config.patience() > 0 && progress.epochsWithoutImprovement() >= config.patience();
    }

    private TrainingEvent stop(TrainingEvent.FinishReason reason) throws IOException {
        saveLast();
        writeCurves();
        return finish(reason);
    }

    private TrainingEvent finish(TrainingEvent.FinishReason reason) {
        TrainingEvent.Finished f = new TrainingEvent.Finished(reason, progress.epochsDone(), progress.nextIteration(),
            progress.bestMap50(), run.dir());
        emit(f);
        return f;
    }

    private TrainingEvent fail(String reason, int epoch, long iteration) {
        TrainingEvent.Failed f = new TrainingEvent.Failed(reason, epoch, iteration);
        emit(f);
        try {
            writeCurves();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + run.curves(), e);
        }
        return f;
    }

    private void saveLast() throws IOException {
        save(run.last(), TrainingEvent.CheckpointKind.LAST);
    }

    private void save(java.nio.file.Path file, TrainingEvent.CheckpointKind kind) throws IOException {
        CheckpointFile.write(file, model.module(), optimizer, config, progress, model.classNames(),
            learningRate.at(progress.nextIteration()));
        emit(new TrainingEvent.Checkpoint(file, kind, progress.epochsDone(), progress.nextIteration()));
    }

    private void writeCurves() throws IOException {
        CurvePlot.write(history, run.curves());
    }

    private void emit(TrainingEvent e) {
        history.add(e);
        for (TrainingListener l : listeners) l.onEvent(e);
    }
}
