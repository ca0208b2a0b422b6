package io.boxwork.app.train;

import io.boxwork.annotations.model.AnchorSettings;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.model.TrainingDefaults;
import io.boxwork.engine.device.DevicePreference;
import io.boxwork.engine.inference.DetectorSpec;
import io.boxwork.engine.train.StartingPoint;
import io.boxwork.engine.train.TrainConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainFormTest {
    private static final ProjectSettings SETTINGS = ProjectSettings.create("p", List.of("a"))
        .withTraining(new TrainingDefaults("resnet34_fpn", "weights/coco.pth", 7, 3, 0.02, 2));

    @Test
    void theFormStartsFromTheProjectsTrainingDefaultsAndAnchorSettings() {
        TrainForm f = new TrainForm(SETTINGS, Path.of("/p"));
        assertEquals("resnet34_fpn", f.backboneProperty().get());
        assertEquals(7, f.epochsProperty().get());
        assertEquals(3, f.batchSizeProperty().get());
        assertEquals("0.02", f.learningRateProperty().get());
        assertEquals(2, f.trainableLayersProperty().get());
        assertEquals(SETTINGS.anchors().minSize(), f.minSizeProperty().get());
        assertEquals(StartKind.COCO_DETECTOR, f.startKindProperty().get());
    }

    @Test
    void smallImagesStartWithFewerProposalsAndTheChoiceReachesTheRun() {
        AnchorSettings a = SETTINGS.anchors();
        TrainForm small = new TrainForm(SETTINGS.withAnchors(new AnchorSettings(a.sizes(), a.aspectRatios(), 256, 320)), Path.of("/p"));
        assertTrue(small.fewerProposalsProperty().get(), "320 px images: fewer proposals ticked");
        assertEquals(DetectorSpec.ProposalBudget.small(), small.toConfig().proposals());
        small.fewerProposalsProperty().set(false);
        assertEquals(DetectorSpec.ProposalBudget.torchvision(), small.toConfig().proposals());

        TrainForm large = new TrainForm(SETTINGS.withAnchors(new AnchorSettings(a.sizes(), a.aspectRatios(), 800, 1333)), Path.of("/p"));
        assertFalse(large.fewerProposalsProperty().get(), "torchvision's budget for torchvision's image sizes");
        assertEquals(DetectorSpec.ProposalBudget.torchvision(), large.toConfig().proposals());
    }

    @Test
    void theProposalsBoxFollowsTheImageSizeUntilThePersonSetsIt() {
        TrainForm f = new TrainForm(SETTINGS, Path.of("/p"));
        f.maxSizeProperty().set(320);
        assertTrue(f.fewerProposalsProperty().get(), "smaller images: ticked");
        f.maxSizeProperty().set(1333);
        assertFalse(f.fewerProposalsProperty().get(), "large again: unticked");
        f.fewerProposalsProperty().set(true);
        f.maxSizeProperty().set(1000);
        f.maxSizeProperty().set(256);
        f.maxSizeProperty().set(900);
        assertTrue(f.fewerProposalsProperty().get(), "the person's choice stands");
    }

    @Test
    void theConfigCarriesWhatTheFormSaysWithWeightsResolvedAgainstTheProject() {
        TrainForm f = new TrainForm(SETTINGS, Path.of("/p"));
        f.epochsProperty().set(2);
        f.learningRateProperty().set(" 0.005 ");
        f.minSizeProperty().set(320);
        f.maxSizeProperty().set(512);
        TrainConfig c = f.toConfig();
        assertEquals(2, c.epochs());
        assertEquals(0.005, c.learningRate(), 1e-15);
        assertEquals(320, c.anchors().minSize());
        assertEquals(512, c.anchors().maxSize());
        assertEquals("auto", c.device(), "Automatic until the person picks a device");
        StartingPoint.CocoDetector start = assertInstanceOf(StartingPoint.CocoDetector.class, c.start());
        assertEquals(Path.of("/p/weights/coco.pth").toString(), start.source());
    }

    @Test
    void theRunAsksTheEngineForTheDeviceThePersonChose() {
        TrainForm f = new TrainForm(SETTINGS, Path.of("/p"));
        DeviceChoice gpu = new DeviceChoice(DevicePreference.CUDA, "CUDA: a test GPU");
        f.offerDevices(List.of(new DeviceChoice(DevicePreference.AUTO, "Automatic: CUDA: a test GPU"),
            new DeviceChoice(DevicePreference.CPU, "CPU (2 threads)"), gpu));
        assertEquals(DevicePreference.AUTO, f.deviceProperty().get().preference(), "Automatic is the default");
        f.deviceProperty().set(gpu);
        assertEquals("cuda", f.toConfig().device());
        f.offerDevices(List.of(new DeviceChoice(DevicePreference.AUTO, "Automatic: CPU"), new DeviceChoice(DevicePreference.CPU, "CPU"),
            new DeviceChoice(DevicePreference.CUDA, "CUDA: renamed")));
        assertEquals(DevicePreference.CUDA, f.devicePreference(), "a new probe keeps the choice made");
        f.offerDevices(List.of(new DeviceChoice(DevicePreference.AUTO, "Automatic: CPU"), new DeviceChoice(DevicePreference.CPU, "CPU")));
        assertEquals("auto", f.toConfig().device(), "a GPU no longer there falls back to Automatic");
    }

    @Test
    void theProbeOffersAutomaticTheCpuAndTheGpuOnlyWhenThereIsOne() {
        List<DeviceChoice> found = DeviceChoice.probe();
        assertEquals(DevicePreference.AUTO, found.get(0).preference());
        assertTrue(found.get(0).description().startsWith("Automatic: "), found.get(0).description());
        assertEquals(DevicePreference.CPU, found.get(1).preference());
        assertTrue(found.get(1).description().startsWith("CPU ("), found.get(1).description());
        assertEquals(org.bytedeco.pytorch.global.torch.cuda_is_available(),
            found.stream().anyMatch(c -> c.preference() == DevicePreference.CUDA), found.toString());
    }

    @Test
    void aFieldThatDoesNotParseIsNamedInTheError() {
        TrainForm f = new TrainForm(SETTINGS, Path.of("/p"));
        f.learningRateProperty().set("fast");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, f::toConfig);
        assertTrue(e.getMessage().startsWith("learning rate"), e.getMessage());
        f.learningRateProperty().set("0.01");
        f.startKindProperty().set(StartKind.IMAGENET_BACKBONE);
        f.weightsProperty().set(" ");
        assertTrue(assertThrows(IllegalArgumentException.class, f::toConfig).getMessage().contains("weights file"));
    }
}
