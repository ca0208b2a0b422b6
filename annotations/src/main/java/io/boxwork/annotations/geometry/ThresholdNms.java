package io.boxwork.annotations.geometry;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Score threshold followed by class-wise greedy NMS, with torchvision's semantics: candidates with
 * {@code score > scoreThreshold} survive the threshold (compared in float, as torch compares a
 * float32 tensor with a Python number); within a class, a candidate is suppressed
 * when its IoU with an already kept, higher-ranked box is strictly greater than
 * {@code iouThreshold}; boxes of different classes never suppress each other; the result lists
 * kept input indices by descending score (ties by input index), cut to {@code maxDetections}.
 */
public final class ThresholdNms {
    private ThresholdNms() {
    }

    public static int[] apply(NmsCandidates c, float scoreThreshold, double iouThreshold, int maxDetections,
                              NmsWorkspace ws) {
        return run(c, true, scoreThreshold, iouThreshold, maxDetections, ws);
    }

    /** Class-wise NMS of every candidate, with no score threshold (so even -Infinity scores take part). */
    public static int[] applyWithoutThreshold(NmsCandidates c, double iouThreshold, int maxDetections,
                                              NmsWorkspace ws) {
        return run(c, false, 0f, iouThreshold, maxDetections, ws);
    }

    private static int[] run(NmsCandidates c, boolean thresholded, float scoreThreshold, double iouThreshold,
                             int maxDetections, NmsWorkspace ws) {
        if (maxDetections < 0) {
            throw new BoxArrayException("maxDetections is negative: " + maxDetections);
        }
        ws.ensureCapacity(c.size);
        int groups = c.groupLabel.length;
        int[] ends = new int[groups];
        int work = 0;
        for (int g = 0; g < groups; g++) {
            int start = c.groupStart[g];
            ends[g] = thresholded ? firstNotAbove(c.score, start, c.groupStart[g + 1], scoreThreshold) : c.groupStart[g + 1];
            work += ends[g] - start;
        }
        int total;
        if (work >= PARALLEL_MIN_CANDIDATES && groups > 1 && MULTICORE) {
            total = suppressInTwoHalves(c, ends, work, iouThreshold, ws);
        } else {
            total = suppressGroups(c, 0, groups, ends, iouThreshold, ws);
        }
        long[] keys = ws.keptKeys;
        Arrays.sort(keys, 0, total);
        int n = Math.min(total, maxDetections);
        int[] keep = new int[n];
        for (int k = 0; k < n; k++) {
            keep[k] = ScoreOrder.index(keys[k]);
        }
        return keep;
    }

    /** Below this many candidates a second thread costs more than it saves. */
    static final int PARALLEL_MIN_CANDIDATES = 2_000;

    /** Read once: in a container the JVM answers availableProcessors from cgroup files on every call. */
    private static final boolean MULTICORE = Runtime.getRuntime().availableProcessors() > 1;

    private static int suppressGroups(NmsCandidates c, int from, int to, int[] ends, double iouThreshold,
                                      NmsWorkspace ws) {
        int total = 0;
        for (int g = from; g < to; g++) {
            total = suppressWithinClass(c, g, c.groupStart[g], ends[g], iouThreshold, ws, total);
        }
        return total;
    }

    /**
     * Classes never suppress each other, so the classes split into two halves of about equal
     * candidate count, one on the common pool with the workspace's partner, one on this thread.
     * Their kept keys are merged before the final sort, so the result is the serial one.
     */
    private static int suppressInTwoHalves(NmsCandidates c, int[] ends, int work, double iouThreshold,
                                           NmsWorkspace ws) {
        int groups = ends.length;
        int split = 1;
        int firstHalf = ends[0] - c.groupStart[0];
        while (split < groups - 1 && firstHalf + ends[split] - c.groupStart[split] <= work / 2) {
            firstHalf += ends[split] - c.groupStart[split];
            split++;
        }
        NmsWorkspace other = ws.partner();
        other.ensureCapacity(c.size);
        int from = split;
        ForkJoinTask<Integer> second = ForkJoinPool.commonPool()
                .submit(() -> suppressGroups(c, from, groups, ends, iouThreshold, other));
        int first;
        int more;
        try {
            first = suppressGroups(c, 0, split, ends, iouThreshold, ws);
        } finally {
            // Never return while the other half still writes into the partner workspace.
            more = second.join();
        }
        System.arraycopy(other.keptKeys, 0, ws.keptKeys, first, more);
        return first + more;
    }

    /** A kept box touching more cells than this is checked against every candidate instead of bucketed. */
    static final int MAX_CELLS_PER_BOX = 16;

    /**
     * Greedy NMS checking each candidate only against the boxes kept so far in its class: a box
     * survives torchvision's loop exactly when no kept predecessor overlaps it by more than the
     * threshold. With a non-negative threshold only kept boxes whose intersection with it has
     * positive area can do that, and such a pair shares at least one grid cell (the cell lookup is
     * monotonic), so looking in the candidate's cells finds every possible suppressor.
     */
    private static int suppressWithinClass(NmsCandidates c, int g, int start, int end, double iouThreshold,
                                           NmsWorkspace ws, int total) {
        int cols = c.gridCols[g];
        int rows = c.gridRows[g];
        float x0 = c.gridX0[g];
        float y0 = c.gridY0[g];
        float invW = c.gridInvW[g];
        float invH = c.gridInvH[g];
        // A negative threshold lets even disjoint boxes suppress (IoU 0 > threshold): no spatial shortcut.
        boolean bucketed = iouThreshold >= 0;
        int[] head = ws.cellHead;
        if (bucketed) {
            Arrays.fill(head, 0, cols * rows, -1);
        }
        int kept = 0;
        int wideCount = 0;
        int entries = 0;
        for (int p = start; p < end; p++) {
            float x1 = c.x1[p];
            float y1 = c.y1[p];
            float x2 = c.x2[p];
            float y2 = c.y2[p];
            float a = c.area[p];
            int cx0 = cell(x1, x0, invW, cols);
            int cx1 = cell(x2, x0, invW, cols);
            int cy0 = cell(y1, y0, invH, rows);
            int cy1 = cell(y2, y0, invH, rows);
            int cells = Math.max(0, cx1 - cx0 + 1) * Math.max(0, cy1 - cy0 + 1);
            boolean suppressed;
            if (!bucketed || cells > MAX_CELLS_PER_BOX) {
                suppressed = overlapsAnyOf(ws, 0, kept, null, x1, y1, x2, y2, a, iouThreshold);
            } else {
                suppressed = overlapsAnyOf(ws, 0, wideCount, ws.wide, x1, y1, x2, y2, a, iouThreshold)
                        || overlapsBucketed(ws, cols, cx0, cx1, cy0, cy1, x1, y1, x2, y2, a, iouThreshold);
            }
            if (suppressed) {
                continue;
            }
            ws.keptX1[kept] = x1;
            ws.keptY1[kept] = y1;
            ws.keptX2[kept] = x2;
            ws.keptY2[kept] = y2;
            ws.keptArea[kept] = a;
            if (bucketed) {
                if (cells > MAX_CELLS_PER_BOX) {
                    ws.wide[wideCount++] = kept;
                } else {
                    ws.ensureEntries(entries + cells);
                    int corner = (cy0 << 16) | cx0;
                    for (int cy = cy0; cy <= cy1; cy++) {
                        for (int cx = cx0; cx <= cx1; cx++) {
                            int cellIndex = cy * cols + cx;
                            ws.entryX1[entries] = x1;
                            ws.entryY1[entries] = y1;
                            ws.entryX2[entries] = x2;
                            ws.entryY2[entries] = y2;
                            ws.entryArea[entries] = a;
                            ws.entryCorner[entries] = corner;
                            ws.entryNext[entries] = head[cellIndex];
                            head[cellIndex] = entries++;
                        }
                    }
                }
            }
            kept++;
            ws.keptKeys[total++] = ScoreOrder.key(c.score[p], c.original[p]);
        }
        return total;
    }

    /**
     * A kept box and the candidate share a rectangle of cells; the pair is compared only in that
     * rectangle's top-left cell, so each pair is compared once without a visited mark.
     */
    private static boolean overlapsBucketed(NmsWorkspace ws, int cols, int cx0, int cx1, int cy0, int cy1,
                                            float x1, float y1, float x2, float y2, float a, double iouThreshold) {
        int[] head = ws.cellHead;
        int[] next = ws.entryNext;
        int[] corner = ws.entryCorner;
        float[] ex1 = ws.entryX1;
        float[] ey1 = ws.entryY1;
        float[] ex2 = ws.entryX2;
        float[] ey2 = ws.entryY2;
        float[] ea = ws.entryArea;
        for (int cy = cy0; cy <= cy1; cy++) {
            for (int cx = cx0; cx <= cx1; cx++) {
                for (int e = head[cy * cols + cx]; e >= 0; e = next[e]) {
                    int k = corner[e];
                    if (Math.max(k & 0xffff, cx0) != cx || Math.max(k >>> 16, cy0) != cy) {
                        continue;
                    }
                    float w = Math.max(0f, Math.min(ex2[e], x2) - Math.max(ex1[e], x1));
                    float h = Math.max(0f, Math.min(ey2[e], y2) - Math.max(ey1[e], y1));
                    float inter = w * h;
                    if (inter / (ea[e] + a - inter) > iouThreshold) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Kept boxes {@code from..to} (or those listed in {@code indices} up to {@code to}). */
    private static boolean overlapsAnyOf(NmsWorkspace ws, int from, int to, int[] indices, float x1, float y1,
                                         float x2, float y2, float a, double iouThreshold) {
        for (int i = from; i < to; i++) {
            if (overlaps(ws, indices == null ? i : indices[i], x1, y1, x2, y2, a, iouThreshold)) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(NmsWorkspace ws, int k, float x1, float y1, float x2, float y2, float a,
                                    double iouThreshold) {
        float w = Math.max(0f, Math.min(ws.keptX2[k], x2) - Math.max(ws.keptX1[k], x1));
        float h = Math.max(0f, Math.min(ws.keptY2[k], y2) - Math.max(ws.keptY1[k], y1));
        float inter = w * h;
        // Same operand order as torchvision's kernel: inter / (kept area + this area - inter).
        float ovr = inter / (ws.keptArea[k] + a - inter);
        return ovr > iouThreshold;
    }

    /** Monotonic in {@code v} (NaN and infinities land in a border cell), which is what makes bucketing exact. */
    private static int cell(float v, float origin, float inv, int count) {
        float f = (v - origin) * inv;
        if (!(f >= 0)) {
            return 0;
        }
        return f >= count ? count - 1 : (int) f;
    }

    /** Scores of a class are sorted descending, so those above the threshold are a prefix: binary search its end. */
    private static int firstNotAbove(float[] score, int start, int end, float threshold) {
        int lo = start;
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (score[mid] > threshold) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
