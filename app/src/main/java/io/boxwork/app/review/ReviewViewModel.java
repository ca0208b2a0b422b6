package io.boxwork.app.review;

import io.boxwork.annotations.edit.Edits;
import io.boxwork.annotations.edit.ImageDocument;
import io.boxwork.annotations.model.Box;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ImageStatus;
import io.boxwork.annotations.model.LabelClass;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.storage.Project;
import io.boxwork.app.project.ProjectSession;
import io.boxwork.app.train.DetectorFactory;
import io.boxwork.engine.detection.RawCandidates;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.util.Duration;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The Review mode's state: a checkpoint's cached raw candidates, the three sliders, what they leave
 * on the current image (re-judged synchronously on every slider move, no network call) and over
 * all reviewed images (re-judged a moment after the sliders stop, so a drag stays smooth), and the
 * accept gestures. Lives on the UI thread; prediction runs in a background task.
 */
public final class ReviewViewModel {
    /** How long the sliders must rest before the whole-set figures and the image list follow them. */
    static final Duration SET_REFRESH_DELAY = Duration.millis(120);

    /** Opens the undoable document of an image: the Annotate mode's, so both modes share one undo stack per image. */
    @FunctionalInterface
    public interface Documents {
        ImageDocument open(String imagePath) throws IOException;
    }

    private final ProjectSession session;
    private final Documents documents;
    private final DetectorFactory factory;
    private final PredictionJudge judge = new PredictionJudge();

    private final ObservableList<Path> checkpoints = FXCollections.observableArrayList();
    private final ObjectProperty<Path> checkpoint = new SimpleObjectProperty<>(this, "checkpoint");
    private final ObjectProperty<ReviewScope> scope = new SimpleObjectProperty<>(this, "scope", ReviewScope.VAL);
    private final DoubleProperty scoreThreshold = new SimpleDoubleProperty(this, "scoreThreshold", 0.5);
    private final DoubleProperty nmsIou = new SimpleDoubleProperty(this, "nmsIou", 0.5);
    private final DoubleProperty matchIou = new SimpleDoubleProperty(this, "matchIou", 0.5);
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running", false);
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty message = new SimpleStringProperty(this, "message", "Choose a checkpoint and run it over a split.");
    private final ObservableList<ImageRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty sortByErrors = new SimpleBooleanProperty(this, "sortByErrors", true);
    private final ObjectProperty<String> currentImage = new SimpleObjectProperty<>(this, "currentImage");
    private final ObjectProperty<ImageLabels> labels = new SimpleObjectProperty<>(this, "labels");
    private final ObjectProperty<ImageOutcome> outcome = new SimpleObjectProperty<>(this, "outcome");
    private final IntegerProperty selectedPrediction = new SimpleIntegerProperty(this, "selectedPrediction", -1);
    private final ObjectProperty<ReviewMetrics.Summary> metrics = new SimpleObjectProperty<>(this, "metrics");
    private final StringProperty undoText = new SimpleStringProperty(this, "undoText", "");

    private final Map<String, ImageCandidates> candidates = new LinkedHashMap<>();
    private final Map<String, ImageLabels> labelCache = new HashMap<>();
    private final Deque<List<ImageDocument>> acceptHistory = new ArrayDeque<>();
    private final PauseTransition setRefresh = new PauseTransition(SET_REFRESH_DELAY);
    private Task<CachedPredictions> task;
    private BiConsumer<String, Throwable> errors = (title, e) -> message.set(title + ": " + e.getMessage());

    public ReviewViewModel(ProjectSession session, Documents documents, DetectorFactory factory) {
        this.session = session;
        this.documents = documents;
        this.factory = factory;
        setRefresh.setOnFinished(e -> refreshSet());
        scoreThreshold.addListener((o, a, b) -> slidersMoved());
        nmsIou.addListener((o, a, b) -> slidersMoved());
        matchIou.addListener((o, a, b) -> slidersMoved());
        sortByErrors.addListener((o, a, b) -> refreshSet());
        currentImage.addListener((o, a, b) -> showImage(b));
        rescanCheckpoints();
    }

    public void setErrorHandler(BiConsumer<String, Throwable> handler) {
        this.errors = handler;
    }

    // ---- checkpoints and prediction -----------------------------------------------------------

    /** Every {@code best.pth} and {@code last.pth} under the project's runs folder, newest run first. */
    public void rescanCheckpoints() {
        List<Path> found = new ArrayList<>();
        Path runs = session.project().runsDir();
        if (Files.isDirectory(runs)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runs, Files::isDirectory)) {
                List<Path> sorted = new ArrayList<>();
                dirs.forEach(sorted::add);
                sorted.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
                for (Path d : sorted) {
                    for (String name : List.of("best.pth", "last.pth")) if (Files.isRegularFile(d.resolve(name))) found.add(d.resolve(name));
                }
            } catch (IOException e) {
                errors.accept("Cannot list the runs in " + runs, e);
            }
        }
        checkpoints.setAll(found);
        if (checkpoint.get() == null || !found.contains(checkpoint.get())) checkpoint.set(found.isEmpty() ? null : found.get(0));
    }

    /** Where the candidates of a checkpoint over a scope are cached: beside the run's checkpoints. */
    public static Path cacheFile(Path checkpoint, ReviewScope scope) {
        String name = checkpoint.getFileName().toString().replaceFirst("\\.pth$", "");
        return checkpoint.getParent().resolve("predictions").resolve(name + "-" + scope.fileTag() + ".candidates");
    }

    /**
     * Shows the chosen checkpoint's candidates over the chosen scope: from the cache when it still
     * belongs to the checkpoint file, else by running the network in the background (and caching).
     */
    public void run() {
        Path ckpt = checkpoint.get();
        if (ckpt == null) {
            message.set("There is no checkpoint yet: train a model first (Train mode).");
            return;
        }
        if (running.get()) return;
        ReviewScope s = scope.get();
        List<String> images = s.images(session.project());
        if (images.isEmpty()) {
            message.set("The " + s + " has no images.");
            return;
        }
        Path cache = cacheFile(ckpt, s);
        task = new Task<>() {
            @Override
            protected CachedPredictions call() throws Exception {
                long size = Files.size(ckpt);
                long modified = Files.getLastModifiedTime(ckpt).toMillis();
                Project project = session.project();
                CachedPredictions cached = null;
                if (Files.isRegularFile(cache)) {
                    CachedPredictions onDisk = CandidateCacheFile.read(cache);
                    if (onDisk.matches(ckpt, size, modified)) cached = onDisk;
                }
                // Only images not cached yet, or whose file changed since, go through the network.
                List<String> toPredict = cached == null ? images
                    : cached.staleAmong(images, image -> ImageStamp.of(project.imageFile(image)));
                if (toPredict.isEmpty()) return cached;
                CachedPredictions fresh = CheckpointPredictor.predict(project, toPredict, ckpt, factory,
                    (done, total) -> updateProgress(done, total), this::isCancelled);
                CachedPredictions all = cached == null ? fresh : cached.with(fresh);
                CandidateCacheFile.write(cache, all);
                return all;
            }
        };
        progress.bind(task.progressProperty());
        running.set(true);
        message.set("Running " + ckpt.getParent().getFileName() + "/" + ckpt.getFileName() + " over the " + s + " (" + images.size() + " images)…");
        task.setOnSucceeded(e -> {
            finishTask();
            show(task.getValue());
        });
        task.setOnFailed(e -> {
            finishTask();
            errors.accept("Prediction failed", task.getException());
        });
        task.setOnCancelled(e -> {
            finishTask();
            message.set("Prediction cancelled; nothing was cached.");
        });
        Thread t = new Thread(task, "boxwork-review-predict");
        t.setDaemon(true);
        t.start();
    }

    public void cancel() {
        if (task != null && task.isRunning()) task.cancel(false);
    }

    private void finishTask() {
        progress.unbind();
        running.set(false);
    }

    /**
     * Shows a set of cached candidates. The detector's labels 1..K are mapped to project classes by
     * name, so a class renamed or deleted since training is left out (and said so) rather than mislabelled.
     */
    public void show(CachedPredictions predictions) {
        ProjectSettings settings = session.project().settings();
        int[] classOfLabel = new int[predictions.classNames().size() + 1];
        List<String> unknown = new ArrayList<>();
        for (int k = 1; k < classOfLabel.length; k++) {
            String name = predictions.classNames().get(k - 1);
            Optional<LabelClass> c = settings.classByName(name);
            classOfLabel[k] = c.map(LabelClass::id).orElse(-1);
            if (c.isEmpty()) unknown.add(name);
        }
        candidates.clear();
        labelCache.clear();
        for (Map.Entry<String, RawCandidates> e : predictions.images().entrySet()) {
            candidates.put(e.getKey(), mapped(e.getKey(), e.getValue(), classOfLabel));
        }
        message.set(candidates.size() + " images reviewed with " + predictions.checkpoint()
            + (unknown.isEmpty() ? "" : "; classes no longer in the project are left out: " + String.join(", ", unknown)));
        refreshSet();
        if (!rows.isEmpty()) currentImage.set(null);
        if (!rows.isEmpty()) currentImage.set(rows.get(0).imagePath());
    }

    private static ImageCandidates mapped(String path, RawCandidates raw, int[] classOfLabel) {
        int n = 0;
        for (int l : raw.labels()) if (l > 0 && l < classOfLabel.length && classOfLabel[l] >= 0) n++;
        float[] boxes = new float[4 * n];
        float[] scores = new float[n];
        int[] ids = new int[n];
        int j = 0;
        for (int i = 0; i < raw.size(); i++) {
            int l = raw.labels()[i];
            if (l <= 0 || l >= classOfLabel.length || classOfLabel[l] < 0) continue;
            System.arraycopy(raw.boxes(), 4 * i, boxes, 4 * j, 4);
            scores[j] = raw.scores()[i];
            ids[j] = classOfLabel[l];
            j++;
        }
        return ImageCandidates.of(path, boxes, scores, ids);
    }

    // ---- sliders ------------------------------------------------------------------------------

    public SliderSettings sliders() {
        return new SliderSettings((float) scoreThreshold.get(), nmsIou.get(), matchIou.get(), SliderSettings.TORCHVISION_MAX_DETECTIONS);
    }

    private void slidersMoved() {
        rejudgeCurrent();
        setRefresh.playFromStart();
    }

    /** Re-filters the current image's cached candidates at the sliders: the only work a slider move does at once. */
    public void rejudgeCurrent() {
        String path = currentImage.get();
        ImageCandidates c = path == null ? null : candidates.get(path);
        selectedPrediction.set(-1);
        outcome.set(c == null ? null : judge.judge(c, labels.get(), sliders()));
    }

    /** Re-judges every reviewed image: the image list, its error counts and the per-class figures. */
    public void refreshSet() {
        setRefresh.stop();
        SliderSettings s = sliders();
        List<ImageOutcome> all = new ArrayList<>();
        List<ImageRow> next = new ArrayList<>();
        for (ImageCandidates c : candidates.values()) {
            ImageOutcome o = judge.judge(c, labelsOf(c.imagePath()), s);
            all.add(o);
            next.add(new ImageRow(c.imagePath(), o.kept().length, o.truePositives(), o.falsePositives(), o.misses()));
        }
        if (sortByErrors.get()) next.sort(Comparator.comparingInt(ImageRow::errors).reversed());
        rows.setAll(next);
        metrics.set(ReviewMetrics.of(all, session.project().settings().classes(), s.matchIou()));
    }

    private ImageLabels labelsOf(String path) {
        ImageLabels l = labelCache.get(path);
        if (l != null) return l;
        try {
            l = session.labels(path);
        } catch (IOException e) {
            errors.accept("Cannot read the labels of " + path, e);
            return null;
        }
        labelCache.put(path, l);
        return l;
    }

    private void showImage(String path) {
        labels.set(path == null ? null : labelsOf(path));
        rejudgeCurrent();
    }

    // ---- accepting predictions ----------------------------------------------------------------

    /** Accepts kept prediction {@code k} of the current image. */
    public void acceptPrediction(int k) {
        ImageOutcome o = outcome.get();
        if (o == null || k < 0 || k >= o.kept().length) return;
        acceptInto(List.of(currentImage.get()), Map.of(currentImage.get(), List.of(o.predictedBox(k))), "Accepted 1 prediction");
    }

    /** Accepts every prediction the sliders keep on the current image that no box of its class already covers. */
    public void acceptAllOnImage() {
        ImageOutcome o = outcome.get();
        if (o == null) return;
        String path = currentImage.get();
        List<Box> fresh = notYetLabelled(o, labels.get());
        acceptInto(List.of(path), Map.of(path, fresh), "Accepted " + fresh.size() + " predictions on " + path);
    }

    /** Pre-labels every reviewed image that has no box and is still to do, with what the sliders keep there. */
    public void prelabelUnlabelled() {
        SliderSettings s = sliders();
        Map<String, List<Box>> plan = new LinkedHashMap<>();
        for (ImageCandidates c : candidates.values()) {
            ImageLabels l = labelsOf(c.imagePath());
            if (l == null || !l.boxes().isEmpty() || l.status() != ImageStatus.TODO) continue;
            ImageOutcome o = judge.judge(c, l, s);
            List<Box> boxes = new ArrayList<>();
            for (int k = 0; k < o.kept().length; k++) boxes.add(o.predictedBox(k));
            if (!boxes.isEmpty()) plan.put(c.imagePath(), boxes);
        }
        int total = plan.values().stream().mapToInt(List::size).sum();
        acceptInto(new ArrayList<>(plan.keySet()), plan, "Pre-labelled " + plan.size() + " images with " + total + " predictions");
    }

    private List<Box> notYetLabelled(ImageOutcome o, ImageLabels current) {
        List<Box> fresh = new ArrayList<>();
        for (int k = 0; k < o.kept().length; k++) {
            Box p = o.predictedBox(k);
            boolean covered = false;
            if (current != null) {
                for (Box b : current.boxes()) {
                    if (b.classId() == p.classId() && iou(p, b) >= matchIou.get()) {
                        covered = true;
                        break;
                    }
                }
            }
            if (!covered) fresh.add(p);
        }
        return fresh;
    }

    private static double iou(Box a, Box b) {
        double w = Math.max(0, Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1()));
        double h = Math.max(0, Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1()));
        double inter = w * h;
        double union = a.area() + b.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    private void acceptInto(List<String> paths, Map<String, List<Box>> boxes, String done) {
        if (session.readOnly()) {
            message.set("The project is open read-only; predictions cannot be accepted.");
            return;
        }
        List<ImageDocument> touched = new ArrayList<>();
        for (String path : paths) {
            List<Box> add = boxes.get(path);
            if (add == null || add.isEmpty()) continue;
            try {
                ImageDocument d = documents.open(path);
                d.execute(Edits.acceptPredictions(d.labels(), add));
                touched.add(d);
                labelCache.put(path, d.labels());
            } catch (IOException | RuntimeException e) {
                errors.accept("Cannot accept predictions into " + path, e);
            }
        }
        if (touched.isEmpty()) {
            message.set("Nothing to accept: every prediction kept here is already a label.");
            return;
        }
        acceptHistory.push(touched);
        afterLabelsChanged(done);
    }

    /** Undoes the last accept gesture (on every image it touched). */
    public void undoAccept() {
        List<ImageDocument> last = acceptHistory.poll();
        if (last == null) return;
        for (ImageDocument d : last) {
            d.undo();
            labelCache.put(d.labels().imagePath(), d.labels());
        }
        afterLabelsChanged("Undone");
    }

    private void afterLabelsChanged(String done) {
        if (currentImage.get() != null) labels.set(labelsOf(currentImage.get()));
        rejudgeCurrent();
        refreshSet();
        undoText.set(acceptHistory.isEmpty() ? "" : "Undo accept");
        message.set(done + ".");
    }

    // ---- properties ---------------------------------------------------------------------------

    public ObservableList<Path> checkpoints() {
        return checkpoints;
    }

    public ObjectProperty<Path> checkpointProperty() {
        return checkpoint;
    }

    public ObjectProperty<ReviewScope> scopeProperty() {
        return scope;
    }

    public DoubleProperty scoreThresholdProperty() {
        return scoreThreshold;
    }

    public DoubleProperty nmsIouProperty() {
        return nmsIou;
    }

    public DoubleProperty matchIouProperty() {
        return matchIou;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObservableList<ImageRow> rows() {
        return rows;
    }

    public BooleanProperty sortByErrorsProperty() {
        return sortByErrors;
    }

    public ObjectProperty<String> currentImageProperty() {
        return currentImage;
    }

    public ObjectProperty<ImageLabels> labelsProperty() {
        return labels;
    }

    public ObjectProperty<ImageOutcome> outcomeProperty() {
        return outcome;
    }

    public IntegerProperty selectedPredictionProperty() {
        return selectedPrediction;
    }

    public ObjectProperty<ReviewMetrics.Summary> metricsProperty() {
        return metrics;
    }

    public StringProperty undoTextProperty() {
        return undoText;
    }

    public ProjectSession session() {
        return session;
    }

    public Optional<ImageCandidates> candidates(String imagePath) {
        return Optional.ofNullable(candidates.get(imagePath));
    }

    /** Called when the mode is left or the project closes: a running prediction stops at its next image. */
    public void dispose() {
        cancel();
        setRefresh.stop();
    }

    /** Labels may have changed in another mode meanwhile: read them again and re-judge. */
    public void reloadLabels() {
        labelCache.clear();
        if (currentImage.get() != null) labels.set(labelsOf(currentImage.get()));
        rejudgeCurrent();
        if (!candidates.isEmpty()) refreshSet();
    }
}
