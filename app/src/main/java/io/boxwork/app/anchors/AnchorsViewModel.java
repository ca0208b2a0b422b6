package io.boxwork.app.anchors;

import io.boxwork.annotations.anchors.TrainingBoxes;
import io.boxwork.annotations.anchors.AnchorCoverage;
import io.boxwork.annotations.anchors.AnchorCoverageCalculator;
import io.boxwork.annotations.anchors.AnchorInputException;
import io.boxwork.annotations.anchors.AnchorSuggester;
import io.boxwork.annotations.anchors.AnchorSuggestion;
import io.boxwork.annotations.anchors.BoxCoverage;
import io.boxwork.annotations.anchors.SettingsSpecs;
import io.boxwork.annotations.anchors.SingleMapSuggester;
import io.boxwork.annotations.model.AnchorSettings;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.LabelClass;
import io.boxwork.annotations.model.Split;
import io.boxwork.app.images.DecodedImage;
import io.boxwork.app.images.ImageDecoder;
import io.boxwork.app.project.ProjectSession;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The Anchors mode's state. The edited settings, the geometry of the shown image and the overlay
 * state change on the UI thread as the person types; coverage and suggestions are computed on one
 * background thread after a short pause, and a result is dropped if the settings moved on meanwhile.
 */
public final class AnchorsViewModel implements AutoCloseable {
    public static final Duration DEFAULT_DEBOUNCE = Duration.millis(250);
    /** How many of the least covered boxes the list shows. */
    public static final int WORST_COUNT = 50;
    private static final long SUGGESTION_SEED = 0;

    private final ProjectSession session;
    private final ImageDecoder decoder;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "boxwork-anchors");
        t.setDaemon(true);
        return t;
    });

    private final ObservableList<String> images = FXCollections.observableArrayList();
    private final StringProperty sizesText = new SimpleStringProperty(this, "sizesText", "");
    private final StringProperty ratiosText = new SimpleStringProperty(this, "ratiosText", "");
    private final IntegerProperty minSize = new SimpleIntegerProperty(this, "minSize");
    private final IntegerProperty maxSize = new SimpleIntegerProperty(this, "maxSize");
    private final ReadOnlyObjectWrapper<AnchorSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ReadOnlyObjectWrapper<AnchorSettings> saved = new ReadOnlyObjectWrapper<>(this, "saved");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final IntegerProperty imageIndex = new SimpleIntegerProperty(this, "imageIndex", -1);
    private final ReadOnlyObjectWrapper<ImageLabels> labels = new ReadOnlyObjectWrapper<>(this, "labels");
    private final ReadOnlyObjectWrapper<DecodedImage> picture = new ReadOnlyObjectWrapper<>(this, "picture");
    private final ReadOnlyObjectWrapper<AnchorGeometry> geometry = new ReadOnlyObjectWrapper<>(this, "geometry");
    private final IntegerProperty level = new SimpleIntegerProperty(this, "level", 0);
    private final ObjectProperty<AnchorGeometry.Cell> hover = new SimpleObjectProperty<>(this, "hover");
    private final ObjectProperty<Integer> wholeImageSize = new SimpleObjectProperty<>(this, "wholeImageSize");
    private final ObjectProperty<BoxCoverage> highlight = new SimpleObjectProperty<>(this, "highlight");
    private final ReadOnlyObjectWrapper<TrainingBoxes> training = new ReadOnlyObjectWrapper<>(this, "training");
    private final ReadOnlyObjectWrapper<AnchorCoverage> coverage = new ReadOnlyObjectWrapper<>(this, "coverage");
    private final BooleanProperty computing = new SimpleBooleanProperty(this, "computing", false);
    private final ReadOnlyObjectWrapper<SuggestedAnchors> suggestion = new ReadOnlyObjectWrapper<>(this, "suggestion");
    private final BooleanProperty suggesting = new SimpleBooleanProperty(this, "suggesting", false);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final PauseTransition debounce;
    private long generation;
    private long imageRequest;
    private boolean syncingFields;
    /** The model-input point last pointed at, or null. */
    private double[] hoverPoint;

    public AnchorsViewModel(ProjectSession session) {
        this(session, new ImageDecoder(), DEFAULT_DEBOUNCE);
    }

    public AnchorsViewModel(ProjectSession session, ImageDecoder decoder, Duration debounceDelay) {
        this.session = session;
        this.decoder = decoder;
        this.debounce = new PauseTransition(debounceDelay);
        debounce.setOnFinished(e -> computeCoverage());
        AnchorSettings current = session.project().settings().anchors();
        saved.set(current);
        showFields(current);
        settings.set(current);
        sizesText.addListener(o -> parseFields());
        ratiosText.addListener(o -> parseFields());
        minSize.addListener(o -> parseFields());
        maxSize.addListener(o -> parseFields());
        settings.addListener(o -> {
            updateGeometry();
            scheduleCoverage();
            suggestion.set(null);
        });
        labels.addListener(o -> updateGeometry());
        level.addListener(o -> rehover());
        geometry.addListener(o -> rehover());
        imageIndex.addListener((o, a, b) -> {
            BoxCoverage h = highlight.get();
            if (h != null && !h.imageId().equals(currentImage())) highlight.set(null);
            loadImage(b.intValue());
        });
        images.setAll(session.project().images(Split.TRAIN));
    }

    /** Re-reads the train split (the person may have labelled meanwhile); keeps the shown image if it is still there. */
    public void refresh() {
        String shown = currentImage();
        images.setAll(session.project().images(Split.TRAIN));
        int keep = shown == null ? -1 : images.indexOf(shown);
        int target = keep >= 0 ? keep : images.isEmpty() ? -1 : 0;
        // Same index, maybe another image or newer labels: load again rather than wait for a change.
        if (imageIndex.get() == target) loadImage(target);
        else imageIndex.set(target);
        if (images.isEmpty()) message.set("The train split has no images.");
        reloadTraining();
    }

    // ---- editing -------------------------------------------------------------------------

    private void showFields(AnchorSettings s) {
        syncingFields = true;
        try {
            sizesText.set(AnchorSettingsText.formatSizes(s.sizes()));
            ratiosText.set(AnchorSettingsText.formatRatios(s.aspectRatios()));
            minSize.set(s.minSize());
            maxSize.set(s.maxSize());
        } finally {
            syncingFields = false;
        }
    }

    private void parseFields() {
        if (syncingFields) return;
        AnchorSettings next;
        try {
            next = new AnchorSettings(AnchorSettingsText.parseSizes(sizesText.get()),
                AnchorSettingsText.parseRatios(ratiosText.get()), minSize.get(), maxSize.get());
            // Settings no backbone can take (three levels, uneven anchors per cell) are refused as the person types.
            AnchorGeometry.of(next, next.minSize(), next.minSize());
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        problem.set("");
        settings.set(next);
    }

    /** Puts settings into the fields (a suggestion, or the saved ones back). */
    public void edit(AnchorSettings s) {
        showFields(s);
        problem.set("");
        settings.set(s);
    }

    public void revert() {
        edit(saved.get());
    }

    /** Saves the edited settings into boxwork.json, which is what training reads. */
    public boolean apply() {
        AnchorSettings s = settings.get();
        if (!problem.get().isEmpty()) {
            message.set("Not applied: " + problem.get());
            return false;
        }
        if (session.readOnly()) {
            message.set("Not applied: the project is open read-only.");
            return false;
        }
        try {
            session.project().saveSettings(session.project().settings().withAnchors(s));
        } catch (IOException | RuntimeException e) {
            message.set("Not applied: " + session.project().dir().resolve("boxwork.json") + ": " + e.getMessage());
            return false;
        }
        saved.set(s);
        message.set("Anchor settings saved; training will use them.");
        return true;
    }

    // ---- the shown image ----------------------------------------------------------------

    private void loadImage(int index) {
        if (index < 0 || index >= images.size()) {
            labels.set(null);
            picture.set(null);
            return;
        }
        if (imageIndex.get() != index) {
            imageIndex.set(index);
            return;
        }
        String path = images.get(index);
        long request = ++imageRequest;
        worker.execute(() -> {
            try {
                ImageLabels l = session.labels(path);
                DecodedImage d = decoder.decode(path, session.project().imageFile(path));
                Platform.runLater(() -> {
                    if (request != imageRequest) return;
                    labels.set(l);
                    picture.set(d);
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> {
                    if (request != imageRequest) return;
                    message.set(path + ": " + e.getMessage());
                });
            }
        });
    }

    /** Shows an image of the train split and highlights one of its boxes (from the worst-covered list). */
    public void show(BoxCoverage box) {
        int i = images.indexOf(box.imageId());
        if (i < 0) {
            message.set(box.imageId() + " is no longer in the train split.");
            return;
        }
        highlight.set(box);
        int l = levelIndex(box.level());
        if (l >= 0) level.set(l);
        if (imageIndex.get() == i) loadImage(i);
        else imageIndex.set(i);
    }

    private int levelIndex(String name) {
        AnchorGeometry g = geometry.get();
        if (g == null) return -1;
        for (int i = 0; i < g.levels().size(); i++) if (g.levels().get(i).name().equals(name)) return i;
        return -1;
    }

    private void updateGeometry() {
        ImageLabels l = labels.get();
        AnchorSettings s = settings.get();
        if (l == null || s == null) {
            geometry.set(null);
            return;
        }
        try {
            AnchorGeometry g = AnchorGeometry.of(s, l.width(), l.height());
            if (level.get() >= g.levels().size()) level.set(g.levels().size() - 1);
            geometry.set(g);
        } catch (AnchorInputException e) {
            // Only reachable for an image size the resize cannot take; the settings themselves were checked.
            geometry.set(null);
            message.set(l.imagePath() + ": " + e.getMessage());
        }
    }

    /**
     * Points the overlay at the cell under model-input point (x, y). Outside the padded input the
     * last cell stays, so the mouse can go to the settings while its anchors stay in view; NaN clears.
     */
    public void hoverAt(double x, double y) {
        AnchorGeometry g = geometry.get();
        if (g == null || Double.isNaN(x) || Double.isNaN(y)) {
            hoverPoint = null;
            hover.set(null);
            return;
        }
        if (x < 0 || y < 0 || x > g.image().paddedWidth() || y > g.image().paddedHeight()) return;
        hoverPoint = new double[] {x, y};
        hover.set(g.cellAt(level.get(), x, y));
    }

    /** Another level or grid: the cell under the same point, which clamping keeps on the new grid. */
    private void rehover() {
        AnchorGeometry g = geometry.get();
        if (hoverPoint == null || g == null || level.get() >= g.levels().size()) hover.set(null);
        else hover.set(g.cellAt(level.get(), hoverPoint[0], hoverPoint[1]));
    }

    // ---- coverage and suggestions -------------------------------------------------------

    private void reloadTraining() {
        long g = ++generation;
        computing.set(true);
        worker.execute(() -> {
            TrainingBoxes t = TrainingBoxes.read(session.project(), session::labels);
            Platform.runLater(() -> {
                if (!t.unreadable().isEmpty()) {
                    message.set(t.unreadable().size() + " image(s) left out of coverage; first: " + t.unreadable().get(0));
                }
                training.set(t);
                if (g == generation) computeCoverage();
                else scheduleCoverage();
            });
        });
    }

    private void scheduleCoverage() {
        generation++;
        if (training.get() == null) return;
        computing.set(true);
        debounce.playFromStart();
    }

    private void computeCoverage() {
        TrainingBoxes t = training.get();
        AnchorSettings s = settings.get();
        if (t == null || s == null) return;
        long g = ++generation;
        computing.set(true);
        worker.execute(() -> {
            AnchorCoverage c;
            try {
                c = AnchorCoverageCalculator.compute(SettingsSpecs.anchorSpec(s), SettingsSpecs.resizeSpec(s), t.images(), WORST_COUNT);
            } catch (RuntimeException e) {
                // The figures stay those of the last settings that could be measured; the message says why.
                Platform.runLater(() -> {
                    if (g != generation) return;
                    computing.set(false);
                    message.set("Coverage not measured: " + e.getMessage());
                });
                return;
            }
            Platform.runLater(() -> {
                if (g != generation) return;
                coverage.set(c);
                computing.set(false);
            });
        });
    }

    /** Proposes sizes and ratios from the train boxes, keeping the number of levels, sizes and ratios of now. */
    public void suggest() {
        TrainingBoxes t = training.get();
        AnchorSettings s = settings.get();
        if (t == null || s == null) return;
        if (t.boxCount() == 0) {
            message.set("No labelled boxes in the train split to suggest anchors from.");
            return;
        }
        suggesting.set(true);
        Supplier<SuggestedAnchors> work = () -> {
            // A single map keeps as many sizes as it has now; with FPN each level gets one size.
            AnchorSuggestion a = s.sizes().size() == 1
                ? SingleMapSuggester.suggest(t.images(), SettingsSpecs.resizeSpec(s), s.sizes().get(0).size(),
                    s.aspectRatios().size(), SUGGESTION_SEED, WORST_COUNT)
                : AnchorSuggester.suggest(t.images(), SettingsSpecs.resizeSpec(s), s.sizes().size(),
                    s.aspectRatios().size(), SUGGESTION_SEED, WORST_COUNT);
            List<List<Integer>> sizes = new ArrayList<>();
            for (double[] levelSizes : a.spec().sizes()) {
                List<Integer> ls = new ArrayList<>();
                for (double v : levelSizes) ls.add((int) Math.round(v));
                sizes.add(ls);
            }
            List<Double> ratios = new ArrayList<>();
            for (double r : a.spec().aspectRatios()[0]) ratios.add(r);
            return new SuggestedAnchors(new AnchorSettings(sizes, ratios, s.minSize(), s.maxSize()), a.coverage(), a.meanIouToCentroid());
        };
        worker.execute(() -> {
            try {
                SuggestedAnchors result = work.get();
                Platform.runLater(() -> {
                    suggesting.set(false);
                    if (s.equals(settings.get())) suggestion.set(result);
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    suggesting.set(false);
                    message.set("No suggestion: " + e.getMessage());
                });
            }
        });
    }

    /** Takes the suggestion into the fields (not saved until applied). */
    public void useSuggestion() {
        SuggestedAnchors s = suggestion.get();
        if (s != null) edit(s.settings());
    }

    public String className(int classId) {
        return session.project().settings().classById(classId).map(LabelClass::name).orElse("class " + classId);
    }

    public String colour(int classId) {
        return session.project().settings().classById(classId).map(LabelClass::color).orElse("#ff8800");
    }

    private String currentImage() {
        int i = imageIndex.get();
        return i >= 0 && i < images.size() ? images.get(i) : null;
    }

    @Override
    public void close() {
        debounce.stop();
        worker.shutdownNow();
    }

    // ---- properties ---------------------------------------------------------------------

    public ObservableList<String> images() {
        return images;
    }

    public StringProperty sizesTextProperty() {
        return sizesText;
    }

    public StringProperty ratiosTextProperty() {
        return ratiosText;
    }

    public IntegerProperty minSizeProperty() {
        return minSize;
    }

    public IntegerProperty maxSizeProperty() {
        return maxSize;
    }

    public ReadOnlyObjectProperty<AnchorSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AnchorSettings> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public IntegerProperty imageIndexProperty() {
        return imageIndex;
    }

    public ReadOnlyObjectProperty<ImageLabels> labelsProperty() {
        return labels.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DecodedImage> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AnchorGeometry> geometryProperty() {
        return geometry.getReadOnlyProperty();
    }

    public IntegerProperty levelProperty() {
        return level;
    }

    public ObjectProperty<AnchorGeometry.Cell> hoverProperty() {
        return hover;
    }

    /** A size whose anchors are drawn at every cell of the chosen level, or null. */
    public ObjectProperty<Integer> wholeImageSizeProperty() {
        return wholeImageSize;
    }

    public ObjectProperty<BoxCoverage> highlightProperty() {
        return highlight;
    }

    public ReadOnlyObjectProperty<TrainingBoxes> trainingProperty() {
        return training.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AnchorCoverage> coverageProperty() {
        return coverage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing;
    }

    public ReadOnlyObjectProperty<SuggestedAnchors> suggestionProperty() {
        return suggestion.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty suggestingProperty() {
        return suggesting;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
