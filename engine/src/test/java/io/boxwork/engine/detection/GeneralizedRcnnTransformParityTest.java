package io.boxwork.engine.detection;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.boxwork.engine.tensor.ParityFixtures;
import io.boxwork.engine.tensor.TensorDictFile;
import io.boxwork.engine.tensor.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java transform against torchvision 0.14's GeneralizedRCNNTransform on the same inputs. */
class GeneralizedRcnnTransformParityTest {

    private static final int IMAGES = 4;
    private static Path fixtures;

    @BeforeAll
    static void writeFixtures() throws Exception {
        fixtures = ParityFixtures.directory("transform");
    }

    @Test
    void resizedSizeMatchesTorchvisionForEveryShapeAndRefusesAResizeToZeroPixels() throws Exception {
        JsonObject json = JsonParser.parseString(Files.readString(fixtures.resolve("resize_sizes.json")))
                .getAsJsonObject();
        int checked = 0;
        for (JsonElement element : json.getAsJsonArray("cases")) {
            JsonArray c = element.getAsJsonArray();
            int minSize = c.get(0).getAsInt();
            int maxSize = c.get(1).getAsInt();
            long h = c.get(2).getAsLong();
            long w = c.get(3).getAsLong();
            long[] expected = {c.get(4).getAsLong(), c.get(5).getAsLong()};
            String where = h + " x " + w + " at min " + minSize + " max " + maxSize;
            if (expected[0] == 0) {
                assertThrows(IllegalArgumentException.class, () -> ResizeRule.resizedSize(h, w, minSize, maxSize), where);
            } else {
                assertArrayEquals(expected, ResizeRule.resizedSize(h, w, minSize, maxSize), where);
            }
            checked++;
        }
        assertTrue(checked > 500, "only " + checked + " cases");
    }

    @Test
    void transformedBatchImageSizesAndBoxesMatchTorchvision() throws Exception {
        Map<String, Tensor> expected = TensorDictFile.read(fixtures.resolve("transform.pt"));
        JsonArray sizes = JsonParser.parseString(Files.readString(fixtures.resolve("resize_sizes.json")))
                .getAsJsonObject().getAsJsonArray("image_sizes");
        try (PointerScope scope = new PointerScope()) {
            List<Tensor> images = new ArrayList<>();
            List<Tensor> boxes = new ArrayList<>();
            for (int i = 0; i < IMAGES; i++) {
                images.add(expected.get("image" + i));
                boxes.add(expected.get("boxes" + i));
            }
            TransformedBatch batch = GeneralizedRcnnTransform.imageNet(96, 160).apply(images, boxes);

            Tensor reference = expected.get("batch");
            assertArrayEquals(reference.shape(), batch.images().tensors().shape());
            double diff = Tensors.maxAbsDifference(reference, batch.images().tensors());
            double magnitude = Tensors.maxAbs(reference);
            System.out.printf("transform parity: batch %s max abs diff %.3g (values up to %.3g)%n",
                    Arrays.toString(reference.shape()), diff, magnitude);
            // LibTorch 2.10's and torch 1.13's float bilinear kernels each round their weights in
            // float32: both sit about 2e-5 from a float64 resize, so the bound is relative, not 0.
            assertTrue(diff <= 1e-4 * Math.max(1.0, magnitude), "batch differs by " + diff);
            for (int i = 0; i < IMAGES; i++) {
                JsonArray size = sizes.get(i).getAsJsonArray();
                assertArrayEquals(new long[]{size.get(0).getAsLong(), size.get(1).getAsLong()},
                        batch.images().imageSizes().get(i), "image " + i);
                assertEquals(0.0, Tensors.maxAbsDifference(expected.get("resized_boxes" + i), batch.boxes().get(i)),
                        "resized boxes of image " + i);
            }
            List<Tensor> back = GeneralizedRcnnTransform.imageNet(96, 160)
                    .postprocess(batch.boxes(), batch.images().imageSizes(), batch.originalSizes());
            for (int i = 0; i < IMAGES; i++) {
                assertEquals(0.0, Tensors.maxAbsDifference(expected.get("postprocessed_boxes" + i), back.get(i)),
                        "postprocessed boxes of image " + i);
            }
        }
    }
}
