package io.boxwork.engine.detection;

import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.boxwork.engine.detection.Tensors.some;

/**
 * torchvision's {@code ops.boxes} on LibTorch, which has none of them: IoU, clipping, small-box
 * removal and (batched) non-maximum suppression. Boxes are {@code N x 4} float tensors in
 * {@code x1, y1, x2, y2} pixels. NMS runs its greedy loop in Java over a copy of the boxes and
 * answers with indices on the boxes' device.
 */
public final class BoxOps {

    /** torchvision switches from the coordinate trick to a per-class loop above this many box coordinates on CPU. */
    private static final long VANILLA_BATCHED_NMS_ABOVE_NUMEL = 4000;

    private BoxOps() {
    }

    public static Tensor boxArea(Tensor boxes) {
        return boxes.select(1, 2).sub(boxes.select(1, 0)).mul(boxes.select(1, 3).sub(boxes.select(1, 1)));
    }

    /** Pairwise IoU, {@code N x M}, as {@code torchvision.ops.box_iou}. */
    public static Tensor boxIou(Tensor boxes1, Tensor boxes2) {
        Tensor area1 = boxArea(boxes1);
        Tensor area2 = boxArea(boxes2);
        Tensor a = boxes1.unsqueeze(1);
        Tensor lt = torch.max(a.narrow(2, 0, 2), boxes2.narrow(1, 0, 2));
        Tensor rb = torch.min(a.narrow(2, 2, 2), boxes2.narrow(1, 2, 2));
        Tensor wh = rb.sub(lt).clamp(some(0), Tensors.none());
        Tensor inter = wh.select(2, 0).mul(wh.select(2, 1));
        Tensor union = area1.unsqueeze(1).add(area2).sub(inter);
        return inter.div(union);
    }

    /** Clamps x into [0, width] and y into [0, height]; {@code boxes} may be {@code ... x 4k}. */
    public static Tensor clipBoxesToImage(Tensor boxes, long height, long width) {
        long[] shape = Tensors.shape(boxes);
        long last = shape[shape.length - 1];
        Tensor pairs = boxes.reshape(-1, last / 2, 2);
        Tensor x = pairs.select(2, 0).clamp(some(0), some(width));
        Tensor y = pairs.select(2, 1).clamp(some(0), some(height));
        return Tensors.stack(2, x, y).reshape(shape);
    }

    /** Indices of boxes whose both sides are at least {@code minSize}. */
    public static Tensor removeSmallBoxes(Tensor boxes, double minSize) {
        Tensor ws = boxes.select(1, 2).sub(boxes.select(1, 0));
        Tensor hs = boxes.select(1, 3).sub(boxes.select(1, 1));
        return Tensors.where(ws.ge(Tensors.scalar(minSize)).logical_and(hs.ge(Tensors.scalar(minSize))));
    }

    /**
     * Greedy NMS, the algorithm of torchvision's CPU kernel: visit boxes by decreasing score (stable for
     * ties), keep one unless an already kept box overlaps it with IoU above the threshold. The IoU is
     * computed in float on the fly rather than as a full matrix: with the RPN's ~10k training proposals
     * an N x N matrix would take 400 MB, and the on-the-fly float arithmetic is the kernel's own, so the
     * same boxes survive.
     *
     * @return int64 indices of kept boxes, by decreasing score
     */
    public static Tensor nms(Tensor boxes, Tensor scores, double iouThreshold) {
        if (boxes.size(0) == 0) {
            return Tensors.emptyLongs(boxes);
        }
        long[] order = Tensors.longArray(torch.sort(scores, new BoolOptional(true), 0, true).get1());
        float[] b = Tensors.floats(boxes);
        long[] kept = greedy(b, order, iouThreshold);
        return Tensors.longs(boxes, kept);
    }

    static long[] greedy(float[] b, long[] order, double iouThreshold) {
        int n = order.length;
        float[] areas = new float[b.length / 4];
        for (int i = 0; i < areas.length; i++) {
            areas[i] = (b[4 * i + 2] - b[4 * i]) * (b[4 * i + 3] - b[4 * i + 1]);
        }
        boolean[] suppressed = new boolean[areas.length];
        long[] keep = new long[n];
        int kept = 0;
        for (int oi = 0; oi < n; oi++) {
            int i = (int) order[oi];
            if (suppressed[i]) {
                continue;
            }
            keep[kept++] = i;
            float ix1 = b[4 * i], iy1 = b[4 * i + 1], ix2 = b[4 * i + 2], iy2 = b[4 * i + 3];
            float iarea = areas[i];
            for (int oj = oi + 1; oj < n; oj++) {
                int j = (int) order[oj];
                if (suppressed[j]) {
                    continue;
                }
                float w = Math.max(0f, Math.min(ix2, b[4 * j + 2]) - Math.max(ix1, b[4 * j]));
                float h = Math.max(0f, Math.min(iy2, b[4 * j + 3]) - Math.max(iy1, b[4 * j + 1]));
                float inter = w * h;
                float ovr = inter / (iarea + areas[j] - inter);
                if (ovr > iouThreshold) {
                    suppressed[j] = true;
                }
            }
        }
        return Arrays.copyOf(keep, kept);
    }

    /**
     * NMS that never lets boxes of different categories suppress each other, choosing between the
     * coordinate-offset trick and a per-category loop exactly where torchvision does on CPU.
     *
     * @param idxs category (or level) of every box, int64
     * @return int64 indices of kept boxes, by decreasing score
     */
    public static Tensor batchedNms(Tensor boxes, Tensor scores, Tensor idxs, double iouThreshold) {
        if (boxes.numel() > VANILLA_BATCHED_NMS_ABOVE_NUMEL) {
            return batchedNmsPerCategory(boxes, scores, idxs, iouThreshold);
        }
        return batchedNmsCoordinateTrick(boxes, scores, idxs, iouThreshold);
    }

    /** Shifts each category's boxes by {@code category * (max coordinate + 1)} so that categories never overlap. */
    static Tensor batchedNmsCoordinateTrick(Tensor boxes, Tensor scores, Tensor idxs, double iouThreshold) {
        if (boxes.numel() == 0) {
            return Tensors.emptyLongs(boxes);
        }
        Tensor maxCoordinate = boxes.max();
        Tensor offsets = idxs.to(boxes.scalar_type()).mul(maxCoordinate.add(Tensors.scalar(1)));
        return nms(boxes.add(offsets.unsqueeze(1)), scores, iouThreshold);
    }

    static Tensor batchedNmsPerCategory(Tensor boxes, Tensor scores, Tensor idxs, double iouThreshold) {
        long[] categories = Tensors.longArray(idxs);
        float[] b = Tensors.floats(boxes);
        long[] order = Tensors.longArray(torch.sort(scores, new BoolOptional(true), 0, true).get1());
        java.util.Map<Long, List<Long>> orderByCategory = new java.util.TreeMap<>();
        for (long i : order) {
            orderByCategory.computeIfAbsent(categories[(int) i], k -> new ArrayList<>()).add(i);
        }
        boolean[] keepMask = new boolean[categories.length];
        for (List<Long> categoryOrder : orderByCategory.values()) {
            long[] o = categoryOrder.stream().mapToLong(Long::longValue).toArray();
            for (long k : greedy(b, o, iouThreshold)) {
                keepMask[(int) k] = true;
            }
        }
        // The union of the per-category survivors, reordered by decreasing score as torchvision returns it.
        long[] kept = Arrays.stream(order).filter(i -> keepMask[(int) i]).toArray();
        return Tensors.longs(boxes, kept);
    }
}
