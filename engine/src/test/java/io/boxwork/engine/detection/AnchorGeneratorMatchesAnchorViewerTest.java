package io.boxwork.engine.detection;

import io.boxwork.annotations.anchors.AnchorGrid;
import io.boxwork.annotations.anchors.FeatureLevel;
import io.boxwork.annotations.anchors.FeatureMaps;
import io.boxwork.annotations.anchors.ResizedImage;
import io.boxwork.annotations.anchors.SettingsSpecs;
import io.boxwork.annotations.model.AnchorSettings;
import io.boxwork.engine.backbone.Backbone;
import io.boxwork.engine.backbone.Backbones;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the Anchors mode draws and measures ({@code io.boxwork.annotations.anchors}) is what the
 * engine's {@link AnchorGenerator} trains with: for the same project settings and image size, the
 * real backbone's feature maps have the viewer's grids and the generator gives the viewer's anchors,
 * bit for bit, in the same order.
 */
class AnchorGeneratorMatchesAnchorViewerTest {

    @Test
    void torchvisionDefaultsOnA640By480ImageGiveTheSameAnchorsAsTheViewer() {
        assertSameAnchors(AnchorSettings.torchvisionDefaults(), 640, 480, Backbones.resnetFpn(18, 0));
    }

    @Test
    void editedSizesRatiosAndImageSizesOnAnOddImageGiveTheSameAnchors() {
        AnchorSettings edited = new AnchorSettings(List.of(List.of(24), List.of(48), List.of(96), List.of(192), List.of(384)),
            List.of(0.25, 1.0, 3.5), 600, 1000);
        assertSameAnchors(edited, 517, 333, Backbones.resnetFpn(18, 0));
    }

    @Test
    void aSingleMapWithSeveralSizesGivesTheSameAnchorsAsTheViewer() {
        AnchorSettings single = new AnchorSettings(List.of(List.of(16, 40, 100)), List.of(0.5, 2.0), 320, 640);
        assertSameAnchors(single, 300, 200, Backbones.resnet(18, 0));
    }

    private static void assertSameAnchors(AnchorSettings settings, int imageWidth, int imageHeight, Backbone backbone) {
        ResizedImage resized = SettingsSpecs.resizeSpec(settings).resize(imageHeight, imageWidth);
        List<FeatureLevel> viewerLevels = FeatureMaps.levels(resized, settings.sizes().size());
        float[] viewer = AnchorGrid.imageAnchors(SettingsSpecs.anchorSpec(settings), resized);
        backbone.eval();
        try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
            Tensor batch = torch.zeros(1, 3, resized.paddedHeight(), resized.paddedWidth());
            List<long[]> grids = new ArrayList<>();
            for (Tensor map : backbone.features(batch).values()) grids.add(new long[] {map.size(2), map.size(3)});
            assertEquals(viewerLevels.size(), grids.size(), "feature maps of the backbone");
            for (int l = 0; l < grids.size(); l++) {
                FeatureLevel v = viewerLevels.get(l);
                assertArrayEquals(new long[] {v.gridHeight(), v.gridWidth()}, grids.get(l), "grid of " + v.name());
            }
            List<List<Double>> ratios = Collections.nCopies(settings.sizes().size(), settings.aspectRatios());
            AnchorGenerator generator = new AnchorGenerator(settings.sizes(), ratios);
            Tensor engine = Tensors.cat(generator.gridAnchors(resized.paddedHeight(), resized.paddedWidth(), grids, batch), 0);
            assertEquals(viewer.length / 4, engine.size(0), "anchor count");
            assertArrayEquals(viewer, Tensors.floats(engine), 0f);
        }
    }
}
