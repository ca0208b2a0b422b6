package io.boxwork.engine.detection;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static io.boxwork.engine.detection.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoiAlignParityTest {

    /** One of the two RoIAlign implementations, as {@code roiAlign(input, rois, h, w, scale, ratio)}. */
    private interface Pooling {
        Tensor pool(Tensor input, Tensor rois, int outputHeight, int outputWidth, double scale, int ratio);
    }

    @Test
    void theJavaKernelMatchesTorchvisionIncludingBoxesCrossingAndBeyondTheBorder() throws Exception {
        assertMatchesTorchvision(RoiAlignKernel::forward, "kernel");
    }

    @Test
    void theJavaKernelMatchesTorchvisionOnAChannelsLastMap() throws Exception {
        assertMatchesTorchvision((in, rois, h, w, scale, ratio) ->
            RoiAlignKernel.forward(in.contiguous(torch.MemoryFormat.ChannelsLast), rois, h, w, scale, ratio), "kernel, channels-last");
    }

    @Test
    void aChannelsLastMapGivesTheChannelsFirstResultToTheBit() {
        try (PointerScope ignored = new PointerScope()) {
            torch.manual_seed(5);
            Tensor map = torch.randn(new long[]{2, 8, 13, 17}, new TensorOptions(torch.ScalarType.Float));
            Tensor channelsLast = map.contiguous(torch.MemoryFormat.ChannelsLast);
            assertFalse(channelsLast.is_contiguous(), "a different memory order, not a copy of the same one");
            Tensor r = randomRois(300);
            assertClose(RoiAlignKernel.forward(map, r, 7, 7, 0.25, 2), RoiAlignKernel.forward(channelsLast, r, 7, 7, 0.25, 2),
                0, "same sums in the same order");
        }
    }

    @Test
    void theSparseProductMatchesTorchvisionIncludingBoxesCrossingAndBeyondTheBorder() throws Exception {
        assertMatchesTorchvision(RoiAlignMatrix::forward, "sparse product");
    }

    private static void assertMatchesTorchvision(Pooling pooling, String which) throws Exception {
        TensorBundle ref = ParityFixtures.load("roi_align");
        try (PointerScope ignored = new PointerScope()) {
            assertClose(ref.get("out_7x7_r2"), pooling.pool(ref.get("features"), ref.get("rois"), 7, 7, 0.25, 2),
                    1e-5, which + " 7x7 ratio 2");
            assertClose(ref.get("out_3x5_r3"), pooling.pool(ref.get("features"), ref.get("rois"), 3, 5, 0.25, 3),
                    1e-5, which + " 3x5 ratio 3");
        }
    }

    /** Many random boxes over a two-image batch, a quarter of them partly or wholly off the map. */
    private static Tensor randomRois(int k) {
        SplittableRandom random = new SplittableRandom(3);
        float[] rois = new float[5 * k];
        for (int i = 0; i < k; i++) {
            float x1 = (float) random.nextDouble(-20, 80);
            float y1 = (float) random.nextDouble(-20, 60);
            rois[5 * i] = i % 2;
            rois[5 * i + 1] = x1;
            rois[5 * i + 2] = y1;
            rois[5 * i + 3] = x1 + (float) random.nextDouble(0, 40);
            rois[5 * i + 4] = y1 + (float) random.nextDouble(0, 40);
        }
        return Tensor.create(rois, k, 5);
    }

    @Test
    void bothImplementationsAgreeOnRandomBoxesAndOnlyTheGradientPathKeepsAGraph() {
        try (PointerScope ignored = new PointerScope()) {
            torch.manual_seed(7);
            Tensor map = torch.randn(new long[]{2, 8, 13, 17}, new TensorOptions(torch.ScalarType.Float));
            Tensor r = randomRois(300);
            Tensor product = RoiAlignMatrix.forward(map, r, 7, 7, 0.25, 2);
            Tensor kernel = RoiAlignKernel.forward(map, r, 7, 7, 0.25, 2);
            assertClose(product, kernel, 1e-5, "kernel against the sparse product");

            Tensor leaf = map.clone().set_requires_grad(true);
            Tensor trained = RoiAlign.roiAlign(leaf, r, 7, 7, 0.25, 2);
            assertTrue(trained.requires_grad(), "a map that needs a gradient must go through the differentiable path");
            Tensor inferred = RoiAlign.roiAlign(map, r, 7, 7, 0.25, 2);
            assertFalse(inferred.requires_grad());
            assertClose(kernel, inferred, 0, "no gradient: the kernel's own result");
        }
    }

    /**
     * RoIAlign is linear in the map, so its gradient for an upstream {@code G} is the adjoint:
     * {@code <roi_align(F), G> = <F, dF>}. The left side comes from the Java kernel, an independent
     * implementation of the forward pass; the right from LibTorch's backward of the sparse product.
     */
    @Test
    void theSparseProductsGradientIsTheAdjointOfTheKernel() {
        try (PointerScope ignored = new PointerScope()) {
            torch.manual_seed(11);
            Tensor map = torch.randn(new long[]{2, 8, 13, 17}, new TensorOptions(torch.ScalarType.Float));
            Tensor r = randomRois(200);
            Tensor upstream = torch.randn(new long[]{200, 8, 7, 7}, new TensorOptions(torch.ScalarType.Float));
            Tensor leaf = map.clone().set_requires_grad(true);
            RoiAlignMatrix.forward(leaf, r, 7, 7, 0.25, 2).mul(upstream).sum().backward();
            double left = RoiAlignKernel.forward(map, r, 7, 7, 0.25, 2).to(torch.ScalarType.Double)
                    .mul(upstream.to(torch.ScalarType.Double)).sum().item_double();
            double right = map.to(torch.ScalarType.Double).mul(leaf.grad().to(torch.ScalarType.Double)).sum().item_double();
            assertEquals(left, right, 1e-4 * Math.max(1, Math.abs(left)), "<roi_align(F), G> against <F, dF>");
            assertTrue(leaf.grad().abs().sum().item_double() > 0, "the gradient reaches the map");
        }
    }

    @Test
    void aBoxNamingAnImageOutsideTheBatchIsRefusedByBoth() {
        try (PointerScope ignored = new PointerScope()) {
            Tensor map = torch.zeros(new long[]{1, 2, 4, 4}, new TensorOptions(torch.ScalarType.Float));
            Tensor r = Tensor.create(new float[]{1, 0, 0, 2, 2}, 1, 5);
            for (Pooling p : new Pooling[]{RoiAlignKernel::forward, RoiAlignMatrix::forward}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> p.pool(map, r, 7, 7, 1.0, 2));
                assertEquals("RoIAlign roi 0 names image 1 but the batch has 1 images", e.getMessage());
            }
        }
    }
}
