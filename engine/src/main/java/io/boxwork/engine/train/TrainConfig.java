package io.boxwork.engine.train;

import io.boxwork.annotations.model.AnchorSettings;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.model.TrainingDefaults;
import io.boxwork.engine.device.DevicePreference;
import io.boxwork.engine.inference.DetectorSpec;

import java.util.List;

/**
 * Everything one run needs, written to {@code config.json} and into every checkpoint so a run
 * can be resumed or reproduced.
 *
 * @param clipNorm    maximum global gradient norm; 0 turns clipping off
 * @param patience    epochs without a better val mAP before stopping early; 0 never stops early
 * @param evalEvery   evaluate on the val split every this many epochs (the last epoch always)
 * @param device      the device asked for, {@code auto}, {@code cpu} or {@code cuda} (see
 *                    {@link DevicePreference}); whoever starts the run resolves it and moves the model
 * @param augmentFlip horizontal flips with probability 0.5 on the train split
 * @param proposals   the RPN's and RoI heads' proposal counts; part of the run, because resuming,
 *                    evaluating or reviewing its checkpoints with other counts would give other results
 */
public record TrainConfig(String backbone, int trainableLayers, StartingPoint start, int epochs, int batchSize,
                          double learningRate, double momentum, double weightDecay, Warmup warmup, LrSchedule schedule,
                          double clipNorm, AnchorSettings anchors, int patience, int evalEvery, long seed,
                          String device, boolean augmentFlip, DetectorSpec.ProposalBudget proposals) {

    public TrainConfig {
        if (backbone == null || backbone.isBlank()) throw new IllegalArgumentException("a backbone is needed (e.g. resnet18_fpn)");
        if (trainableLayers < 0 || trainableLayers > 5) throw new IllegalArgumentException("trainable layers must be 0..5, was " + trainableLayers);
        if (start == null) start = new StartingPoint.Scratch();
        if (epochs <= 0) throw new IllegalArgumentException("epochs must be positive, was " + epochs);
        if (batchSize <= 0) throw new IllegalArgumentException("batch size must be positive, was " + batchSize);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) throw new IllegalArgumentException("learning rate must be positive, was " + learningRate);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1), was " + momentum);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weight decay must be >= 0, was " + weightDecay);
        if (warmup == null) warmup = Warmup.none();
        if (schedule == null) schedule = new LrSchedule.Constant();
        if (!(clipNorm >= 0)) throw new IllegalArgumentException("clip norm must be >= 0, was " + clipNorm);
        if (anchors == null) anchors = AnchorSettings.torchvisionDefaults();
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, was " + patience);
        if (evalEvery <= 0) throw new IllegalArgumentException("evaluate-every must be positive, was " + evalEvery);
        if (proposals == null) proposals = DetectorSpec.ProposalBudget.torchvision();
        device = device == null || device.isBlank() ? DevicePreference.AUTO.configName() : DevicePreference.parse(device).configName();
    }

    /**
     * The project's Train form defaults plus torchvision's reference recipe (SGD momentum 0.9,
     * weight decay 1e-4, 1/1000 warm-up, x0.1 at 2/3 and 8/9 of the epochs).
     */
    public static TrainConfig fromProject(ProjectSettings settings) {
        TrainingDefaults t = settings.training();
        int epochs = t.epochs();
        StartingPoint start = t.weights().isBlank() ? new StartingPoint.Scratch() : new StartingPoint.CocoDetector(t.weights());
        return new TrainConfig(t.backbone(), t.trainableLayers(), start, epochs, t.batchSize(), t.learningRate(),
            0.9, 1e-4, new Warmup(100, 1e-3), defaultSteps(epochs), 10.0, settings.anchors(), 5, 1, 42L,
            DevicePreference.AUTO.configName(), true, DetectorSpec.ProposalBudget.torchvision());
    }

    public static LrSchedule defaultSteps(int epochs) {
        int first = Math.max(1, Math.round(epochs * 2f / 3));
        int second = Math.max(first + 1, Math.round(epochs * 8f / 9));
        return new LrSchedule.Step(second < epochs ? List.of(first, second) : List.of(first), 0.1);
    }

    public TrainConfig withEpochs(int n) {
        return new TrainConfig(backbone, trainableLayers, start, n, batchSize, learningRate, momentum, weightDecay, warmup,
            schedule instanceof LrSchedule.Step ? defaultSteps(n) : schedule, clipNorm, anchors, patience, evalEvery, seed, device, augmentFlip, proposals);
    }

    public TrainConfig withBatchSize(int n) {
        return new TrainConfig(backbone, trainableLayers, start, epochs, n, learningRate, momentum, weightDecay, warmup,
            schedule, clipNorm, anchors, patience, evalEvery, seed, device, augmentFlip, proposals);
    }

    public TrainConfig withLearningRate(double lr) {
        return new TrainConfig(backbone, trainableLayers, start, epochs, batchSize, lr, momentum, weightDecay, warmup,
            schedule, clipNorm, anchors, patience, evalEvery, seed, device, augmentFlip, proposals);
    }

    public TrainConfig withSizes(int minSize, int maxSize) {
        AnchorSettings a = new AnchorSettings(anchors.sizes(), anchors.aspectRatios(), minSize, maxSize);
        return new TrainConfig(backbone, trainableLayers, start, epochs, batchSize, learningRate, momentum, weightDecay, warmup,
            schedule, clipNorm, a, patience, evalEvery, seed, device, augmentFlip, proposals);
    }

    public TrainConfig withBackbone(String name, int layers) {
        return new TrainConfig(name, layers, start, epochs, batchSize, learningRate, momentum, weightDecay, warmup,
            schedule, clipNorm, anchors, patience, evalEvery, seed, device, augmentFlip, proposals);
    }

    public TrainConfig withStart(StartingPoint s) {
        return new TrainConfig(backbone, trainableLayers, s, epochs, batchSize, learningRate, momentum, weightDecay, warmup,
            schedule, clipNorm, anchors, patience, evalEvery, seed, device, augmentFlip, proposals);
    }

    public TrainConfig withDevice(String d) {
        return new TrainConfig(backbone, trainableLayers, start, epochs, batchSize, learningRate, momentum, weightDecay, warmup,
            schedule, clipNorm, anchors, patience, evalEvery, seed, d, augmentFlip, proposals);
    }

    public TrainConfig withSchedule(Warmup w, LrSchedule s) {
        return new TrainConfig(backbone, trainableLayers, start, epochs, batchSize, learningRate, momentum, weightDecay, w,
            s, clipNorm, anchors, patience, evalEvery, seed, device, augmentFlip, proposals);
    }

    public TrainConfig withStopping(int newPatience, int newEvalEvery) {
        return new TrainConfig(backbone, trainableLayers, start, epochs, batchSize, learningRate, momentum, weightDecay, warmup,
            schedule, clipNorm, anchors, newPatience, newEvalEvery, seed, device, augmentFlip, proposals);
    }

    public TrainConfig withSeed(long s, boolean flip) {
        return new TrainConfig(backbone, trainableLayers, start, epochs, batchSize, learningRate, momentum, weightDecay, warmup,
            schedule, clipNorm, anchors, patience, evalEvery, s, device, flip, proposals);
    }

    public TrainConfig withClipNorm(double c) {
        return new TrainConfig(backbone, trainableLayers, start, epochs, batchSize, learningRate, momentum, weightDecay, warmup,
            schedule, c, anchors, patience, evalEvery, seed, device, augmentFlip, proposals);
    }

    public TrainConfig withProposals(DetectorSpec.ProposalBudget p) {
        return new TrainConfig(backbone, trainableLayers, start, epochs, batchSize, learningRate, momentum, weightDecay, warmup,
            schedule, clipNorm, anchors, patience, evalEvery, seed, device, augmentFlip, p);
    }
}
