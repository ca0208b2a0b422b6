package io.boxwork.engine.detection;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BoxOpsTest {

    private static Tensor boxes(float... xyxy) {
        return Tensor.create(xyxy, xyxy.length / 4, 4);
    }

    @Test
    void boxIouOfHalfOverlappingSquaresIsOneThird() {
        try (PointerScope ignored = new PointerScope()) {
            float[] iou = Tensors.floats(BoxOps.boxIou(boxes(0, 0, 2, 2), boxes(1, 0, 3, 2, 5, 5, 6, 6)));
            assertArrayEquals(new float[]{1f / 3, 0f}, iou, 1e-7f);
        }
    }

    @Test
    void greedyNmsKeepsTheHigherScoringOfTwoOverlappingBoxes() {
        try (PointerScope ignored = new PointerScope()) {
            Tensor b = boxes(0, 0, 10, 10, 1, 1, 11, 11, 20, 20, 30, 30);
            Tensor s = Tensor.create(new float[]{0.5f, 0.9f, 0.7f}, 3);
            assertArrayEquals(new long[]{1, 2}, Tensors.longArray(BoxOps.nms(b, s, 0.5)));
        }
    }

    @Test
    void nmsKeepsBoxesWhoseOverlapEqualsTheThreshold() {
        try (PointerScope ignored = new PointerScope()) {
            // IoU exactly 0.5: torchvision suppresses only above the threshold.
            Tensor b = boxes(0, 0, 4, 2, 0, 0, 2, 2);
            Tensor s = Tensor.create(new float[]{0.9f, 0.8f}, 2);
            assertArrayEquals(new long[]{0, 1}, Tensors.longArray(BoxOps.nms(b, s, 0.5)));
            assertArrayEquals(new long[]{0}, Tensors.longArray(BoxOps.nms(b, s, 0.49)));
        }
    }

    @Test
    void batchedNmsNeverSuppressesAcrossCategoriesOnEitherPath() {
        try (PointerScope ignored = new PointerScope()) {
            Tensor b = boxes(0, 0, 10, 10, 1, 1, 11, 11, 0, 0, 10, 10);
            Tensor s = Tensor.create(new float[]{0.9f, 0.8f, 0.7f}, 3);
            Tensor idx = Tensors.longs(b, 0, 0, 1);
            assertArrayEquals(new long[]{0, 2}, Tensors.longArray(BoxOps.batchedNmsCoordinateTrick(b, s, idx, 0.5)));
            assertArrayEquals(new long[]{0, 2}, Tensors.longArray(BoxOps.batchedNmsPerCategory(b, s, idx, 0.5)));
        }
    }

    @Test
    void batchedNmsPathsAgreeOnManyRandomBoxes() {
        try (PointerScope ignored = new PointerScope()) {
            java.util.Random r = new java.util.Random(3);
            int n = 1500;
            float[] xyxy = new float[n * 4];
            float[] scores = new float[n];
            long[] cats = new long[n];
            for (int i = 0; i < n; i++) {
                float x = r.nextFloat() * 200, y = r.nextFloat() * 200;
                xyxy[4 * i] = x;
                xyxy[4 * i + 1] = y;
                xyxy[4 * i + 2] = x + 5 + r.nextFloat() * 40;
                xyxy[4 * i + 3] = y + 5 + r.nextFloat() * 40;
                scores[i] = r.nextFloat();
                cats[i] = r.nextInt(4);
            }
            Tensor b = boxes(xyxy);
            Tensor s = Tensor.create(scores, n);
            Tensor c = Tensor.create(cats, n);
            long[] trick = Tensors.longArray(BoxOps.batchedNmsCoordinateTrick(b, s, c, 0.5));
            long[] loop = Tensors.longArray(BoxOps.batchedNmsPerCategory(b, s, c, 0.5));
            assertArrayEquals(trick, loop);
            assertArrayEquals(loop, Tensors.longArray(BoxOps.batchedNms(b, s, c, 0.5)));
        }
    }

    @Test
    void clipBoxesToImageClampsXToWidthAndYToHeight() {
        try (PointerScope ignored = new PointerScope()) {
            float[] clipped = Tensors.floats(BoxOps.clipBoxesToImage(boxes(-5, -3, 250, 90), 80, 200));
            assertArrayEquals(new float[]{0, 0, 200, 80}, clipped);
        }
    }

    @Test
    void removeSmallBoxesDropsBoxesWithASideBelowTheMinimum() {
        try (PointerScope ignored = new PointerScope()) {
            Tensor keep = BoxOps.removeSmallBoxes(boxes(0, 0, 1, 1, 0, 0, 0.001f, 5, 0, 0, 5, 0.5f), 0.01);
            assertArrayEquals(new long[]{0, 2}, Tensors.longArray(keep));
            assertEquals(0, BoxOps.nms(boxes(), Tensor.create(new float[0], 0), 0.5).numel());
        }
    }
}
