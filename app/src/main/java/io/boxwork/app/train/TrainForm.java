package io.boxwork.app.train;

import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.engine.device.DevicePreference;
import io.boxwork.engine.inference.DetectorSpec;
import io.boxwork.engine.train.TrainConfig;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;

/**
 * The Train form's fields, filled from the project's training defaults and anchor settings; turns
 * into the engine's {@link TrainConfig} (keeping the engine's defaults for what the form does not show).
 */
public final class TrainForm {
    public static final List<String> BACKBONES = List.of("resnet18_fpn", "resnet34_fpn", "resnet50_fpn", "resnet101_fpn");

    /** Up to this longer side, the form starts with the fewer-proposals budget ticked. */
    static final int SMALL_IMAGE_SIDE = 512;

    private final TrainConfig base;
    private final StringProperty backbone = new SimpleStringProperty(this, "backbone");
    private final ObjectProperty<StartKind> startKind = new SimpleObjectProperty<>(this, "startKind");
    private final StringProperty weights = new SimpleStringProperty(this, "weights");
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs");
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize");
    private final StringProperty learningRate = new SimpleStringProperty(this, "learningRate");
    private final IntegerProperty minSize = new SimpleIntegerProperty(this, "minSize");
    private final IntegerProperty maxSize = new SimpleIntegerProperty(this, "maxSize");
    private final IntegerProperty trainableLayers = new SimpleIntegerProperty(this, "trainableLayers");
    private final BooleanProperty fewerProposals = new SimpleBooleanProperty(this, "fewerProposals");
    private final ObservableList<DeviceChoice> devices = FXCollections.observableArrayList(DeviceChoice.AUTOMATIC);
    private final ObjectProperty<DeviceChoice> device = new SimpleObjectProperty<>(this, "device", DeviceChoice.AUTOMATIC);
    private final Path projectDir;
    private boolean proposalsChosen;
    private boolean followingSize;

    public TrainForm(ProjectSettings settings, Path projectDir) {
        this.projectDir = projectDir;
        this.base = TrainConfig.fromProject(settings);
        backbone.set(base.backbone());
        startKind.set(StartKind.of(base.start()));
        weights.set(StartKind.file(base.start()));
        epochs.set(base.epochs());
        batchSize.set(base.batchSize());
        learningRate.set(Double.toString(base.learningRate()));
        minSize.set(base.anchors().minSize());
        maxSize.set(base.anchors().maxSize());
        trainableLayers.set(base.trainableLayers());
        // Small images hold few objects, and torchvision's 2000 proposals per image then cost about
        // half of each step (1.6 against 0.9 images/s at 256 px on two cores). The box follows the
        // image size until the person ticks or unticks it.
        fewerProposals.set(base.anchors().maxSize() <= SMALL_IMAGE_SIDE);
        maxSize.addListener((o, was, side) -> {
            if (proposalsChosen) return;
            followingSize = true;
            fewerProposals.set(side.intValue() <= SMALL_IMAGE_SIDE);
            followingSize = false;
        });
        fewerProposals.addListener((o, was, now) -> proposalsChosen |= !followingSize);
    }

    /** What the form says, as a run configuration; a field that does not parse is an error naming the field. */
    public TrainConfig toConfig() {
        double lr;
        try {
            lr = Double.parseDouble(learningRate.get().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("learning rate: '" + learningRate.get() + "' is not a number (e.g. 0.01)");
        }
        if (minSize.get() <= 0 || maxSize.get() < minSize.get()) {
            throw new IllegalArgumentException("image size: the shorter side (" + minSize.get() + ") must be positive and "
                + "at most the longer side's limit (" + maxSize.get() + ")");
        }
        String file = weights.get() == null ? "" : weights.get().trim();
        if (!file.isEmpty() && !Path.of(file).isAbsolute() && !file.startsWith("http")) file = projectDir.resolve(file).toString();
        return base.withBackbone(backbone.get(), trainableLayers.get())
            .withStart(startKind.get().startingPoint(file))
            .withEpochs(epochs.get())
            .withBatchSize(batchSize.get())
            .withLearningRate(lr)
            .withSizes(minSize.get(), maxSize.get())
            .withDevice(devicePreference().configName())
            .withProposals(fewerProposals.get() ? DetectorSpec.ProposalBudget.small() : DetectorSpec.ProposalBudget.torchvision());
    }

    /**
     * The devices the engine found (probing loads LibTorch, so it happens off the UI thread); the
     * choice already made stays when it is still offered, else the first (Automatic).
     */
    public void offerDevices(List<DeviceChoice> found) {
        DevicePreference chosen = device.get() == null ? DevicePreference.AUTO : device.get().preference();
        devices.setAll(found);
        device.set(found.stream().filter(c -> c.preference() == chosen).findFirst().orElse(found.get(0)));
    }

    /** What the run asks the engine for. */
    public DevicePreference devicePreference() {
        return device.get() == null ? DevicePreference.AUTO : device.get().preference();
    }

    public StringProperty backboneProperty() {
        return backbone;
    }

    public ObjectProperty<StartKind> startKindProperty() {
        return startKind;
    }

    public StringProperty weightsProperty() {
        return weights;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public StringProperty learningRateProperty() {
        return learningRate;
    }

    public IntegerProperty minSizeProperty() {
        return minSize;
    }

    public IntegerProperty maxSizeProperty() {
        return maxSize;
    }

    public IntegerProperty trainableLayersProperty() {
        return trainableLayers;
    }

    /** The CLI's {@code --small-proposals}: fewer RPN proposals and sampled RoIs than torchvision's. */
    public BooleanProperty fewerProposalsProperty() {
        return fewerProposals;
    }

    public ObservableList<DeviceChoice> devices() {
        return devices;
    }

    public ObjectProperty<DeviceChoice> deviceProperty() {
        return device;
    }
}
