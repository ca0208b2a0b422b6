package io.boxwork.annotations.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

class BatchedNmsMatchesTorchvisionTest {

    private static final String SCRIPT = """
            import json, torch
            from torchvision.ops import batched_nms, nms, box_iou, generalized_box_iou
            g = torch.Generator().manual_seed(7)
            cases = []
            # 3000 boxes take torchvision's per-class path, 300 its coordinate-offset path; few
            # distinct score values force ties, which both must break by input order.
            for n, classes, thr, tied in [(3000, 20, 0.5, False), (300, 5, 0.3, False), (2500, 7, 0.7, True)]:
                centres = torch.rand(n, 2, generator=g) * 600
                sizes = torch.rand(n, 2, generator=g) * 120 + 2
                boxes = torch.cat([centres - sizes / 2, centres + sizes / 2], dim=1).float()
                scores = torch.rand(n, generator=g)
                if tied:
                    scores = (scores * 8).floor() / 8
                labels = torch.randint(0, classes, (n,), generator=g)
                keep = batched_nms(boxes, scores, labels, thr)
                keep_all = nms(boxes, scores, thr)
                # torchvision's final re-sort is not stable: make the expected order stable on ties.
                k = keep.tolist()
                k.sort(key=lambda i: (-scores[i].item(), i))
                cases.append(dict(boxes=boxes.flatten().tolist(), scores=scores.tolist(), labels=labels.tolist(),
                                  thr=thr, keep=k, keepAll=keep_all.tolist()))
            a = torch.tensor([[0, 0, 10, 10], [5, 5, 15, 25], [20, 20, 21, 30.5]], dtype=torch.float32)
            b = torch.tensor([[1, 2, 9, 12], [14, 0, 30, 8]], dtype=torch.float32)
            print(json.dumps(dict(cases=cases, a=a.flatten().tolist(), b=b.flatten().tolist(),
                                  iou=box_iou(a, b).flatten().tolist(), giou=generalized_box_iou(a, b).flatten().tolist())))
            """;

    @Test
    void classWiseNmsKeepsExactlyTheBoxesTorchvisionBatchedNmsKeeps() throws Exception {
        JsonObject fixture = TorchvisionScript.run(SCRIPT);
        for (var element : fixture.getAsJsonArray("cases")) {
            JsonObject c = element.getAsJsonObject();
            float[] boxes = floats(c.getAsJsonArray("boxes"));
            float[] scores = floats(c.getAsJsonArray("scores"));
            int[] labels = ints(c.getAsJsonArray("labels"));
            double thr = c.get("thr").getAsDouble();
            assertArrayEquals(ints(c.getAsJsonArray("keep")), Nms.batchedNms(boxes, scores, labels, thr),
                    "batched_nms with " + scores.length + " boxes at IoU " + thr);
            assertArrayEquals(ints(c.getAsJsonArray("keepAll")), Nms.nms(boxes, scores, thr),
                    "nms with " + scores.length + " boxes at IoU " + thr);
        }
        float[] a = floats(fixture.getAsJsonArray("a"));
        float[] b = floats(fixture.getAsJsonArray("b"));
        assertArrayEquals(floats(fixture.getAsJsonArray("iou")), Iou.iouMatrix(a, b));
        assertArrayEquals(floats(fixture.getAsJsonArray("giou")), Iou.giouMatrix(a, b));
    }

    static float[] floats(JsonArray array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).getAsDouble();
        }
        return out;
    }

    static int[] ints(JsonArray array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsInt();
        }
        return out;
    }
}
