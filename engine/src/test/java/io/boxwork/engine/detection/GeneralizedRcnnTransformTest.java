package io.boxwork.engine.detection;

import io.boxwork.engine.tensor.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneralizedRcnnTransformTest {

    @Test
    void shortSideGoesToMinSizeUnlessTheLongSideWouldPassMaxSize() {
        assertArrayEquals(new long[]{800, 1066}, ResizeRule.resizedSize(480, 640, 800, 1333));
        assertArrayEquals(new long[]{444, 1333}, ResizeRule.resizedSize(200, 600, 800, 1333));
    }

    @Test
    void scaleIsRoundedInFloat32AsTorchvisionRoundsIt() {
        // 96 / 50 in float32 via the reciprocal is just below 1.92, so 50 rows become 95, not 96.
        assertArrayEquals(new long[]{95, 153}, ResizeRule.resizedSize(50, 80, 96, 160));
    }

    @Test
    void batchIsPaddedWithZerosToAMultipleOf32() {
        try (PointerScope scope = new PointerScope()) {
            GeneralizedRcnnTransform transform = GeneralizedRcnnTransform.imageNet(40, 100);
            Tensor tall = torch.ones(3, 80, 40);
            Tensor wide = torch.ones(3, 40, 60);
            ImageList list = transform.apply(List.of(tall, wide));

            assertArrayEquals(new long[]{2, 3, 96, 64}, list.tensors().shape());
            assertArrayEquals(new long[]{80, 40}, list.imageSizes().get(0));
            assertArrayEquals(new long[]{40, 60}, list.imageSizes().get(1));
            Tensor padding = list.tensors().select(0, 1).narrow(1, 40, 56);
            assertEquals(0.0, Tensors.maxAbs(padding));
            float expected = (1f - GeneralizedRcnnTransform.IMAGENET_MEAN[0]) / GeneralizedRcnnTransform.IMAGENET_STD[0];
            assertEquals(expected, list.tensors().select(0, 1).select(0, 0).select(0, 39).select(0, 59).item_float(), 1e-6);
        }
    }

    @Test
    void boxesAreScaledByTheResizeAndPostprocessMapsThemBack() {
        try (PointerScope scope = new PointerScope()) {
            GeneralizedRcnnTransform transform = GeneralizedRcnnTransform.imageNet(200, 1000);
            Tensor image = torch.rand(3, 100, 50);
            Tensor boxes = Tensors.floats(new float[]{10, 20, 30, 40}, 1, 4);
            TransformedBatch batch = transform.apply(List.of(image), List.of(boxes));

            assertArrayEquals(new long[]{400, 200}, batch.images().imageSizes().get(0));
            assertArrayEquals(new float[]{40, 80, 120, 160}, Tensors.toFloats(batch.boxes().get(0)), 1e-5f);
            List<Tensor> back = transform.postprocess(batch.boxes(), batch.images().imageSizes(), batch.originalSizes());
            assertArrayEquals(new float[]{10, 20, 30, 40}, Tensors.toFloats(back.get(0)), 1e-5f);
        }
    }

    @Test
    void trainingDrawsEachImagesMinSizeFromTheChoices() {
        try (PointerScope scope = new PointerScope()) {
            GeneralizedRcnnTransform transform = new GeneralizedRcnnTransform(List.of(32, 64), 1000,
                    GeneralizedRcnnTransform.IMAGENET_MEAN, GeneralizedRcnnTransform.IMAGENET_STD, 32);
            List<Tensor> images = List.of(torch.rand(3, 16, 16), torch.rand(3, 16, 16), torch.rand(3, 16, 16),
                    torch.rand(3, 16, 16), torch.rand(3, 16, 16), torch.rand(3, 16, 16));
            TransformedBatch batch = transform.applyForTraining(images, List.of(), new Random(7));

            List<Long> sides = batch.images().imageSizes().stream().map(s -> s[0]).distinct().sorted().toList();
            assertEquals(List.of(32L, 64L), sides);
            assertArrayEquals(new long[]{64, 64}, transform.apply(images).imageSizes().get(0));
        }
    }

    @Test
    void anImageThatIsNotFloatingPointIsRefusedWithItsPosition() {
        try (PointerScope scope = new PointerScope()) {
            GeneralizedRcnnTransform transform = GeneralizedRcnnTransform.imageNet(32, 64);
            Tensor bytes = torch.ones(3, 8, 8).to(torch.ScalarType.Byte);
            InvalidImageException e = assertThrows(InvalidImageException.class,
                    () -> transform.apply(List.of(torch.rand(3, 8, 8), bytes)));
            assertTrue(e.getMessage().startsWith("image 1 of the batch"), e.getMessage());
        }
    }

    @Test
    void boxesThatAreNotNByFourAreRefusedNamingTheirImage() {
        try (PointerScope scope = new PointerScope()) {
            GeneralizedRcnnTransform transform = GeneralizedRcnnTransform.imageNet(32, 64);
            InvalidImageException e = assertThrows(InvalidImageException.class, () -> transform.apply(
                    List.of(torch.rand(3, 8, 8), torch.rand(3, 8, 8)),
                    List.of(torch.zeros(1, 4), torch.zeros(2, 5))));
            assertTrue(e.getMessage().startsWith("image 1 of the batch: boxes must be N x 4"), e.getMessage());
        }
    }

    @Test
    void anImageWithoutThreeDimensionsIsRefused() {
        try (PointerScope scope = new PointerScope()) {
            GeneralizedRcnnTransform transform = GeneralizedRcnnTransform.imageNet(32, 64);
            InvalidImageException e = assertThrows(InvalidImageException.class,
                    () -> transform.apply(List.of(torch.rand(1, 3, 8, 8))));
            assertTrue(e.getMessage().contains("C x H x W"), e.getMessage());
        }
    }
}
