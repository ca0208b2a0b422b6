package io.boxwork.app.train;

import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.model.TrainingDefaults;
import io.boxwork.engine.train.StartingPoint;
import io.boxwork.engine.train.TrainConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals("cpu", c.device());
        StartingPoint.CocoDetector start = assertInstanceOf(StartingPoint.CocoDetector.class, c.start());
        assertEquals(Path.of("/p/weights/coco.pth").toString(), start.source());
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
