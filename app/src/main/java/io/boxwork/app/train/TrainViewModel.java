package io.boxwork.app.train;

import io.boxwork.annotations.model.LabelClass;
import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.storage.Project;
import io.boxwork.app.project.ProjectSession;
import io.boxwork.engine.data.Augmentation;
import io.boxwork.engine.data.DetectionDataset;
import io.boxwork.engine.data.PreflightIssue;
import io.boxwork.engine.data.PreflightReport;
import io.boxwork.engine.data.TrainingPreflight;
import io.boxwork.engine.device.ComputeDevice;
import io.boxwork.engine.device.DevicePreference;
import io.boxwork.engine.device.Devices;
import io.boxwork.engine.inference.DetectorModel;
import io.boxwork.engine.train.RunFolder;
import io.boxwork.engine.train.StartingPoint;
import io.boxwork.engine.train.TrainConfig;
import io.boxwork.engine.train.Trainer;
import io.boxwork.engine.train.TrainingEvent;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Train mode's state and commands: the form, the pre-launch checks, one run at a time on a
 * background thread (Train, Stop, Resume), its live curves, progress and log, and the past runs.
 * Lives on the UI thread, which never waits on training: events come back through an
 * {@link EventPump} a few times a second.
 */
public final class TrainViewModel {
    /** Most recent log lines kept on screen (the whole log is in the run's metrics.jsonl). */
    static final int LOG_LINES = 500;

    /** Where the mode is. */
    public enum State { IDLE, CHECKING, RUNNING, STOPPING }

    private final ProjectSession session;
    private final DetectorFactory factory;
    private final TrainForm form;
    private final ObservableList<PreflightIssue> issues = FXCollections.observableArrayList();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.IDLE);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final BooleanProperty checked = new SimpleBooleanProperty(this, "checked", false);
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty progressText = new SimpleStringProperty(this, "progressText", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObjectProperty<RunCurves> curves = new SimpleObjectProperty<>(this, "curves", new RunCurves(""));
    private final ObservableList<PastRun> pastRuns = FXCollections.observableArrayList();
    private final ObjectProperty<PastRun> shownRun = new SimpleObjectProperty<>(this, "shownRun");
    private final ObservableList<RunCurves> compared = FXCollections.observableArrayList();
    private volatile Trainer trainer;
    private EventPump pump;

    public TrainViewModel(ProjectSession session, DetectorFactory factory) {
        this.session = session;
        this.factory = factory;
        this.form = new TrainForm(session.project().settings(), session.project().dir());
        state.addListener((o, a, b) -> busy.set(b != State.IDLE));
    }

    /** Asks the engine for the devices (loads LibTorch) and lists past runs, both in the background. */
    public void loadInBackground() {
        Thread t = new Thread(() -> {
            try {
                List<DeviceChoice> found = DeviceChoice.probe();
                Platform.runLater(() -> form.offerDevices(found));
            } catch (RuntimeException | LinkageError e) {
                Platform.runLater(() -> message.set("LibTorch could not be loaded, training is not possible here: " + e.getMessage()));
            }
        }, "boxwork-device-probe");
        t.setDaemon(true);
        t.start();
        refreshPastRuns();
    }

    public void refreshPastRuns() {
        Task<List<PastRun>> list = new Task<>() {
            @Override
            protected List<PastRun> call() throws IOException {
                return PastRun.list(session.project().runsDir());
            }
        };
        list.setOnSucceeded(e -> {
            String shown = shownRun.get() == null ? null : shownRun.get().id();
            pastRuns.setAll(list.getValue());
            if (shown != null) pastRuns.stream().filter(r -> r.id().equals(shown)).findFirst().ifPresent(shownRun::set);
        });
        list.setOnFailed(e -> message.set("Cannot list past runs: " + list.getException().getMessage()));
        Thread t = new Thread(list, "boxwork-runs-list");
        t.setDaemon(true);
        t.start();
    }

    // ---- pre-launch checks --------------------------------------------------------------------

    /** Runs the pre-launch checks in the background; {@code then} runs on the UI thread with the report. */
    public void check(java.util.function.Consumer<PreflightReport> then) {
        if (state.get() != State.IDLE) return;
        try {
            // The checks read the files: what the person just drew must be on disk first.
            session.flush();
        } catch (IOException e) {
            message.set("Unsaved edits could not be written, so the checks would not see them: " + e.getMessage());
            return;
        }
        state.set(State.CHECKING);
        message.set("Checking the project…");
        Project project = session.project();
        Task<PreflightReport> task = new Task<>() {
            @Override
            protected PreflightReport call() {
                return TrainingPreflight.check(project);
            }
        };
        task.setOnSucceeded(e -> {
            state.set(State.IDLE);
            PreflightReport r = task.getValue();
            issues.setAll(r.issues());
            checked.set(true);
            message.set(r.issues().isEmpty() ? "The checks found nothing to fix."
                : r.errors().size() + " problem(s) to fix, " + r.warnings().size() + " warning(s).");
            then.accept(r);
        });
        task.setOnFailed(e -> {
            state.set(State.IDLE);
            message.set("The checks could not run: " + task.getException().getMessage());
        });
        Thread t = new Thread(task, "boxwork-preflight");
        t.setDaemon(true);
        t.start();
    }

    // ---- train, stop, resume ------------------------------------------------------------------

    /** The Train button: checks, then (when nothing blocks) starts a new run from the form. */
    public void train() {
        TrainConfig config;
        try {
            config = form.toConfig();
        } catch (IllegalArgumentException e) {
            message.set("The form needs a fix: " + e.getMessage());
            return;
        }
        check(report -> {
            if (report.hasErrors()) {
                message.set("Training did not start: fix the problems listed above first.");
                return;
            }
            launch(() -> {
                DetectorModel model = factory.create(config, classNames());
                ComputeDevice device = moveTo(model, DevicePreference.parse(config.device()));
                RunFolder run = RunFolder.create(session.project().runsDir(), Clock.systemUTC());
                return new Started(Trainer.start(model, config, trainData(config), dataset(Split.VAL), run), device);
            }, new RunCurves(""), null);
        });
    }

    /** Carries on a stopped run from its last.pth, drawing on after its logged curves. */
    public void resume(PastRun run) {
        if (run == null || !run.resumable()) {
            message.set("Choose a past run that has a last.pth to resume.");
            return;
        }
        if (state.get() != State.IDLE) return;
        try {
            session.flush();
        } catch (IOException e) {
            message.set("Unsaved edits could not be written: " + e.getMessage());
            return;
        }
        // The device is a choice of this machine, not of the run: the form's, not the one it started on.
        DevicePreference preference = form.devicePreference();
        launch(() -> {
            TrainConfig saved = run.folder().readConfig();
            // The checkpoint replaces every weight: loading the starting weights first would be wasted work.
            DetectorModel model = factory.create(saved.withStart(new StartingPoint.Scratch()), classNames());
            ComputeDevice device = moveTo(model, preference);
            return new Started(Trainer.resume(model, run.folder(), trainData(saved), dataset(Split.VAL), null), device);
        }, RunCurves.of("", run.events(), 400), run);
    }

    /** Asks the run to stop; it saves last.pth and ends before its next step (the UI does not wait). */
    public void stop() {
        if (state.get() != State.RUNNING) return;
        state.set(State.STOPPING);
        message.set("Stopping after this step (last.pth is being saved)…");
        Trainer t = trainer;
        // Null while the model is still being built: the launch thread passes the stop on once it exists.
        if (t != null) t.requestStop();
    }

    @FunctionalInterface
    private interface TrainerSetup {
        Started build() throws IOException;
    }

    /** A run ready to go and the device it computes on. */
    private record Started(Trainer trainer, ComputeDevice device) {
    }

    /** Resolves the preference on this machine and puts the model there, before its trainer is built. */
    private static ComputeDevice moveTo(DetectorModel model, DevicePreference preference) {
        ComputeDevice device = Devices.choose(preference);
        model.to(device);
        return device;
    }

    private void launch(TrainerSetup setup, RunCurves startCurves, PastRun resumed) {
        state.set(State.RUNNING);
        curves.set(startCurves);
        shownRun.set(resumed);
        log.clear();
        progress.set(resumed == null ? 0 : -1);
        progressText.set("Preparing the model and data…");
        message.set(resumed == null ? "Training started." : "Resuming " + resumed.id() + "…");
        EventPump p = new EventPump(this::onEvents);
        pump = p;
        p.start();
        Thread t = new Thread(() -> {
            try {
                Started started = setup.build();
                Trainer tr = started.trainer();
                trainer = tr;
                tr.addListener(p);
                Platform.runLater(() -> {
                    addLog("Run " + tr.runFolder().id() + ": " + tr.config().backbone() + ", " + tr.config().epochs() + " epochs of "
                        + tr.iterationsPerEpoch() + " steps, batch " + tr.config().batchSize() + ", lr " + tr.config().learningRate()
                        + ", start " + tr.config().start().describe() + ", device " + started.device().description());
                    // A stop pressed while the model was being built takes effect now.
                    if (state.get() == State.STOPPING) tr.requestStop();
                });
                tr.run();
            } catch (IOException | RuntimeException | LinkageError e) {
                Platform.runLater(() -> {
                    addLog("Failed: " + e.getMessage());
                    message.set("Training failed: " + e.getMessage());
                });
            } finally {
                Platform.runLater(() -> {
                    p.stop();
                    trainer = null;
                    state.set(State.IDLE);
                    refreshPastRuns();
                });
            }
        }, "boxwork-training");
        t.setDaemon(true);
        t.start();
    }

    private void onEvents(List<TrainingEvent> events) {
        curves.get().add(events);
        TrainingEvent.Iteration last = null;
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.Iteration it) {
                last = it;
                progress.set((double) (it.iteration() + 1) / it.totalIterations());
                progressText.set(String.format("epoch %d · step %d / %d · %.1f images/s · ETA %s", it.epoch() + 1,
                    it.iteration() + 1, it.totalIterations(), it.imagesPerSecond(), eta(it.eta())));
                continue;
            }
            addLog(describe(e));
            if (e instanceof TrainingEvent.Finished f) {
                message.set(f.reason() == TrainingEvent.FinishReason.STOPPED ? "Stopped; Resume carries on from last.pth."
                    : "Training finished: " + f.runDir());
            } else if (e instanceof TrainingEvent.Failed f) {
                message.set("Training failed: " + f.reason());
            }
        }
        // One log line per tick for the steps: enough to follow, never one per step.
        if (last != null) addLog(describe(last));
    }

    /** One log line for an event. */
    static String describe(TrainingEvent e) {
        if (e instanceof TrainingEvent.Iteration it) {
            StringBuilder b = new StringBuilder(String.format("step %d: loss %.4f", it.iteration() + 1, it.total()));
            for (Map.Entry<String, Double> p : it.lossParts().entrySet()) b.append(String.format(", %s %.4f", p.getKey(), p.getValue()));
            return b.append(String.format(", lr %.2g", it.lr())).toString();
        }
        if (e instanceof TrainingEvent.Evaluation ev) {
            return String.format("epoch %d: val mAP@0.5 %.3f, mAP@[.5:.95] %.3f, val loss %.4f, per class %s", ev.epoch() + 1,
                ev.metrics().map50(), ev.metrics().map(), ev.metrics().valLoss(), perClass(ev.metrics().perClassAp()));
        }
        if (e instanceof TrainingEvent.Checkpoint c) {
            return "saved " + c.path().getFileName() + " (after epoch " + c.epoch() + ", step " + c.iteration() + ")";
        }
        if (e instanceof TrainingEvent.Finished f) {
            return "finished: " + f.reason().name().toLowerCase().replace('_', ' ') + " after " + f.epochsDone() + " epochs, "
                + f.iterations() + " steps" + (Double.isNaN(f.bestMap50()) ? "" : String.format(", best mAP@0.5 %.3f", f.bestMap50()));
        }
        TrainingEvent.Failed f = (TrainingEvent.Failed) e;
        return "failed at epoch " + (f.epoch() + 1) + ", step " + (f.iteration() + 1) + ": " + f.reason();
    }

    private static String perClass(Map<String, Double> ap) {
        StringBuilder b = new StringBuilder();
        ap.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(String.format(" %.3f", v)));
        return b.toString();
    }

    static String eta(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60) : String.format("%dm%02ds", s / 60, s % 60);
    }

    private void addLog(String line) {
        log.add(line);
        if (log.size() > LOG_LINES) log.remove(0, log.size() - LOG_LINES);
    }

    private List<String> classNames() {
        return session.project().settings().classes().stream().map(LabelClass::name).toList();
    }

    /** The train split with the run's augmentation, as the CLI's train command builds it. */
    private DetectionDataset trainData(TrainConfig config) throws IOException {
        DetectionDataset d = dataset(Split.TRAIN);
        return config.augmentFlip() ? d.withAugmentation(Augmentation.flipOnly()) : d;
    }

    private DetectionDataset dataset(Split split) throws IOException {
        return DetectionDataset.of(session.project(), split);
    }

    // ---- past runs ----------------------------------------------------------------------------

    /** Shows a past run's curves (read from its metrics.jsonl) in the charts. */
    public void open(PastRun run) {
        if (state.get() != State.IDLE || run == null) return;
        shownRun.set(run);
        curves.set(RunCurves.of("", run.events(), 400));
        log.setAll(run.events().stream().filter(e -> !(e instanceof TrainingEvent.Iteration)).map(TrainViewModel::describe).toList());
        progress.set(0);
        progressText.set(run.summary());
    }

    /** Adds or removes a past run's curves beside the shown ones, for comparison. */
    public void setCompared(PastRun run, boolean on) {
        compared.removeIf(c -> c.map50().getName().startsWith(run.id() + " "));
        if (on) compared.add(RunCurves.of(run.id(), run.events(), 200));
    }

    // ---- properties ---------------------------------------------------------------------------

    public TrainForm form() {
        return form;
    }

    public ObservableList<PreflightIssue> issues() {
        return issues;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    /** Whether the pre-launch checks have run (so an empty issue list means nothing was found). */
    public BooleanProperty checkedProperty() {
        return checked;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObservableList<String> log() {
        return log;
    }

    public ObjectProperty<RunCurves> curvesProperty() {
        return curves;
    }

    public ObservableList<PastRun> pastRuns() {
        return pastRuns;
    }

    public ObjectProperty<PastRun> shownRunProperty() {
        return shownRun;
    }

    public ObservableList<RunCurves> compared() {
        return compared;
    }

    /** Window closing or another project opening: a running run is asked to stop (it saves last.pth). */
    public void dispose() {
        Trainer t = trainer;
        if (t != null) t.requestStop();
        EventPump p = pump;
        if (p != null) p.stop();
    }
}
