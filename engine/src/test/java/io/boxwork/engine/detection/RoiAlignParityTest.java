package io.boxwork.engine.detection;

import org.bytedeco.javacpp.PointerScope;
import org.junit.jupiter.api.Test;

import static io.boxwork.engine.detection.Close.assertClose;

class RoiAlignParityTest {

    @Test
    void roiAlignMatchesTorchvisionIncludingBoxesCrossingAndBeyondTheBorder() throws Exception {
        TensorBundle ref = ParityFixtures.load("roi_align");
        try (PointerScope ignored = new PointerScope()) {
            assertClose(ref.get("out_7x7_r2"),
                    RoiAlign.roiAlign(ref.get("features"), ref.get("rois"), 7, 7, 0.25, 2), 1e-5, "7x7 ratio 2");
            assertClose(ref.get("out_3x5_r3"),
                    RoiAlign.roiAlign(ref.get("features"), ref.get("rois"), 3, 5, 0.25, 3), 1e-5, "3x5 ratio 3");
        }
    }
}
