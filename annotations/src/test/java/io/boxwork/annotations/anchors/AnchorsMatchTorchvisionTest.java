package io.boxwork.annotations.anchors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.boxwork.annotations.geometry.TorchvisionScript;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnchorsMatchTorchvisionTest {

    /** Real resnet18-FPN feature maps (same strides as resnet50, cheaper) through AnchorGenerator. */
    private static final String SCRIPT = """
            import json, sys, random, torch
            from torchvision.models.detection.transform import GeneralizedRCNNTransform, _resize_image_and_masks
            from torchvision.models.detection.anchor_utils import AnchorGenerator
            from torchvision.models.detection.backbone_utils import resnet_fpn_backbone
            torch.set_num_threads(1)
            out_dir = sys.argv[1]
            torch.manual_seed(0)
            backbone = resnet_fpn_backbone(backbone_name='resnet18', weights=None, trainable_layers=5).eval()
            default_sizes = ((32,), (64,), (128,), (256,), (512,))
            default_ratios = ((0.5, 1.0, 2.0),) * 5
            cases = [
                (480, 640, 320, 512, default_sizes, default_ratios),
                (333, 517, 256, 400, ((16, 24), (32, 48), (64, 96), (128, 192), (256, 384)), ((0.5, 1.0, 2.0),) * 5),
                (61, 90, 400, 666, default_sizes, ((0.33, 1.7),) * 5),
                (257, 1000, 300, 500, ((20,), (40,), (80,), (160,), (320,)), ((0.25,), (0.5,), (1.0,), (2.0,), (4.0,))),
            ]
            results = []
            for i, (h, w, mn, mx, sizes, ratios) in enumerate(cases):
                t = GeneralizedRCNNTransform(mn, mx, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]).eval()
                images, _ = t([torch.zeros(3, h, w)])
                with torch.no_grad():
                    features = list(backbone(images.tensors).values())
                anchors = AnchorGenerator(sizes, ratios)(images, features)[0]
                anchors.numpy().astype('<f4').tofile(f'{out_dir}/anchors{i}.bin')
                results.append(dict(h=h, w=w, min=mn, max=mx, sizes=sizes, ratios=ratios,
                                    resized=list(images.image_sizes[0]), padded=list(images.tensors.shape[-2:]),
                                    grids=[list(f.shape[-2:]) for f in features], count=anchors.shape[0]))
            rng = random.Random(3)
            sweep = []
            for _ in range(60):
                h, w = rng.randint(20, 2500), rng.randint(20, 2500)
                mn, mx = rng.choice([(800, 1333), (640, 1024), (512, 853), (1024, 1024)])
                out, _ = _resize_image_and_masks(torch.zeros(1, h, w), float(mn), float(mx))
                sweep.append([h, w, mn, mx, out.shape[-2], out.shape[-1]])
            print(json.dumps(dict(cases=results, sweep=sweep)))
            """;

    @Test
    void resizePaddingGridsAndEveryAnchorEqualTorchvisionsTransformAndAnchorGenerator(@TempDir Path dir)
            throws Exception {
        JsonObject fixture = TorchvisionScript.run(SCRIPT, dir);
        int i = 0;
        for (JsonElement element : fixture.getAsJsonArray("cases")) {
            JsonObject c = element.getAsJsonObject();
            String what = "case " + i + " (" + c.get("w") + "x" + c.get("h") + ")";
            ResizeSpec resize = new ResizeSpec(c.get("min").getAsInt(), c.get("max").getAsInt(), 32);
            ResizedImage image = resize.resize(c.get("h").getAsInt(), c.get("w").getAsInt());
            assertArrayEquals(ints(c.getAsJsonArray("resized")), new int[] {image.height(), image.width()}, what);
            assertArrayEquals(ints(c.getAsJsonArray("padded")), new int[] {image.paddedHeight(), image.paddedWidth()},
                    what);
            List<FeatureLevel> levels = FpnGeometry.levels(image);
            JsonArray grids = c.getAsJsonArray("grids");
            for (int l = 0; l < levels.size(); l++) {
                assertArrayEquals(ints(grids.get(l).getAsJsonArray()),
                        new int[] {levels.get(l).gridHeight(), levels.get(l).gridWidth()}, what + " level " + l);
            }
            AnchorSpec spec = new AnchorSpec(doubles2(c.getAsJsonArray("sizes")), doubles2(c.getAsJsonArray("ratios")));
            float[] expected = readFloats(dir.resolve("anchors" + i + ".bin"));
            assertEquals(c.get("count").getAsInt() * 4, expected.length, what);
            assertArrayEquals(expected, AnchorGrid.imageAnchors(spec, image), what);
            i++;
        }
        for (JsonElement element : fixture.getAsJsonArray("sweep")) {
            int[] s = ints(element.getAsJsonArray());
            ResizedImage image = new ResizeSpec(s[2], s[3], 32).resize(s[0], s[1]);
            assertArrayEquals(new int[] {s[4], s[5]}, new int[] {image.height(), image.width()},
                    "resize of " + s[1] + "x" + s[0] + " with min " + s[2] + " max " + s[3]);
        }
    }

    private static float[] readFloats(Path file) throws Exception {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(out);
        return out;
    }

    private static int[] ints(JsonArray a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }

    private static double[][] doubles2(JsonArray a) {
        double[][] out = new double[a.size()][];
        for (int i = 0; i < out.length; i++) {
            JsonArray row = a.get(i).getAsJsonArray();
            out[i] = new double[row.size()];
            for (int j = 0; j < row.size(); j++) {
                out[i][j] = row.get(j).getAsDouble();
            }
        }
        return out;
    }
}
