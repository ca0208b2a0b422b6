package io.boxwork.annotations.anchors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AnchorCoverageTest {

    @Test
    void bestAnchorSearchFindsTheSameIouAsScanningEveryAnchor() {
        SplittableRandom random = new SplittableRandom(11);
        AnchorSpec spec = AnchorSpec.torchvisionDefault();
        ResizeSpec resize = new ResizeSpec(320, 512, 32);
        int[][] sizes = {{480, 640}, {333, 517}, {900, 200}};
        for (int[] size : sizes) {
            List<LabelledBox> boxes = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                double w = 1 + random.nextDouble() * size[1] * 0.9;
                double h = 1 + random.nextDouble() * size[0] * 0.9;
                double x = random.nextDouble() * (size[1] - w);
                double y = random.nextDouble() * (size[0] - h);
                boxes.add(new LabelledBox(i % 3, x, y, x + w, y + h));
            }
            AnchorImage image = new AnchorImage("img", size[0], size[1], boxes);
            ResizedImage resized = resize.resize(size[0], size[1]);
            float[] anchors = AnchorGrid.imageAnchors(spec, resized);
            List<BoxCoverage> found = AnchorCoverageCalculator.perBox(spec, resize, List.of(image));
            for (int b = 0; b < boxes.size(); b++) {
                LabelledBox box = boxes.get(b);
                float[] s = resized.scaleBox(box.x1(), box.y1(), box.x2(), box.y2());
                double best = 0;
                for (int a = 0; a < anchors.length; a += 4) {
                    best = Math.max(best, iou(s, anchors, a));
                }
                assertEquals(best, found.get(b).bestIou(), 1e-12, "box " + b + " of image " + size[1] + "x" + size[0]);
            }
        }
    }

    private static double iou(float[] box, float[] anchors, int a) {
        double w = Math.min((double) box[2], anchors[a + 2]) - Math.max((double) box[0], anchors[a]);
        double h = Math.min((double) box[3], anchors[a + 3]) - Math.max((double) box[1], anchors[a + 1]);
        double inter = w > 0 && h > 0 ? w * h : 0;
        double boxArea = ((double) box[2] - box[0]) * ((double) box[3] - box[1]);
        double anchorArea = ((double) anchors[a + 2] - anchors[a]) * ((double) anchors[a + 3] - anchors[a + 1]);
        return inter / (boxArea + anchorArea - inter);
    }

    @Test
    void aBoxEqualToAnAnchorIsFullyCoveredAndATinyBoxIsTheWorst() {
        // 800x800 is not resized; the P2 anchor 32x32 of cell (10, 10) is (24, 24) - (56, 56).
        AnchorImage image = new AnchorImage("a", 800, 800, List.of(new LabelledBox(1, 24, 24, 56, 56),
                new LabelledBox(2, 100, 100, 102, 102)));
        AnchorCoverage c = AnchorCoverageCalculator.compute(AnchorSpec.torchvisionDefault(),
                ResizeSpec.torchvisionDefault(), List.of(image), 1);
        assertEquals(2, c.boxes());
        assertEquals(0.5, c.shareAtLeast07());
        assertEquals(0.5, c.shareAtLeast03());
        assertArrayEquals(new int[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 1}, c.histogram());
        assertEquals(1, c.worst().size());
        BoxCoverage worst = c.worst().get(0);
        assertEquals(2, worst.classId());
        assertEquals(1, worst.boxIndex());
        // The 2x2 box sits inside the smallest anchor, 23x23 half-extents at most: IoU = 4 / anchor area.
        assertTrue(worst.bestIou() < 0.01, "tiny box IoU " + worst.bestIou());
        assertEquals(2, c.perClass().size());
        assertEquals(1.0, c.perClass().get(0).shareAtLeast07());
        assertEquals(0.0, c.perClass().get(1).shareAtLeast03());
    }

    @Test
    void boxesAreMeasuredAfterTheResizeAndAnchorsAreReportedInOriginalPixels() {
        // 400x400 doubles to 800x800: a 16x16 box becomes the 32x32 P2 anchor at cell (10, 10).
        AnchorImage image = new AnchorImage("half", 400, 400, List.of(new LabelledBox(0, 12, 12, 28, 28)));
        BoxCoverage b = AnchorCoverageCalculator.perBox(AnchorSpec.torchvisionDefault(),
                ResizeSpec.torchvisionDefault(), List.of(image)).get(0);
        assertEquals(1.0, b.bestIou());
        assertEquals("P2", b.level());
        assertEquals(new Rect(12, 12, 28, 28), b.bestAnchor());
    }
}
