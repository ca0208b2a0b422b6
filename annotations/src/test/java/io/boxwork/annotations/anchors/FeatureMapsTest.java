package io.boxwork.annotations.anchors;

import io.boxwork.annotations.model.AnchorSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureMapsTest {
    private final ResizedImage image = ResizeSpec.torchvisionDefault().resize(480, 640);

    @Test
    void fiveAnchorLevelsLieOnTheFpnLevels() {
        List<FeatureLevel> levels = FeatureMaps.levels(image, 5);
        assertEquals(List.of("P2", "P3", "P4", "P5", "P6"), levels.stream().map(FeatureLevel::name).toList());
        assertEquals(FpnGeometry.levels(image), levels);
    }

    @Test
    void oneAnchorLevelLiesOnLayer4WithStride32() {
        FeatureLevel c5 = FeatureMaps.levels(image, 1).get(0);
        // 640x480 resizes to 1066x800, padded to 1088x800: layer4 is 25x34.
        assertEquals(new FeatureLevel("C5", 25, 34, 32, 32), c5);
    }

    @Test
    void threeAnchorLevelsMatchNoBackbone() {
        AnchorInputException e = assertThrows(AnchorInputException.class, () -> FeatureMaps.levels(image, 3));
        assertTrue(e.getMessage().contains("3 levels"), e.getMessage());
    }

    @Test
    void singleMapCoverageUsesEverySizeOnTheOneLevel() {
        AnchorSpec spec = new AnchorSpec(new double[][] {{32, 64, 128, 256, 512}}, new double[][] {{0.5, 1, 2}});
        AnchorImage img = new AnchorImage("a", 480, 640, List.of(new LabelledBox(1, 100, 100, 148, 148)));
        AnchorCoverage c = AnchorCoverageCalculator.compute(spec, ResizeSpec.torchvisionDefault(), List.of(img), 1);
        assertEquals("C5", c.worst().get(0).level());
        // 48 px scaled by 800/480 is 80 px: the 64 px square anchors reach IoU 0.64 at best on a 32 px grid.
        assertTrue(c.meanBestIou() > 0.4 && c.meanBestIou() < 0.9, "mean " + c.meanBestIou());
    }

    @Test
    void projectSettingsBecomeTheSameSpecsTrainingUses() {
        AnchorSettings s = AnchorSettings.torchvisionDefaults();
        assertEquals(AnchorSpec.torchvisionDefault(), SettingsSpecs.anchorSpec(s));
        assertEquals(ResizeSpec.torchvisionDefault(), SettingsSpecs.resizeSpec(s));
        AnchorSpec multi = SettingsSpecs.anchorSpec(new AnchorSettings(List.of(List.of(16, 40)), List.of(0.25, 4.0),
                600, 1000));
        assertArrayEquals(new double[] {16, 40}, multi.sizes()[0]);
        assertArrayEquals(new double[] {0.25, 4.0}, multi.aspectRatios()[0]);
    }
}
