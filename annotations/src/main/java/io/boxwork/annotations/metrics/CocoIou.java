package io.boxwork.annotations.metrics;

import java.util.List;

/** pycocotools' {@code bbIou}: box IoU in double, where a crowd region's union is the detection's own area. */
final class CocoIou {
    private CocoIou() {
    }

    /** {@code D x G} matrix, detections as rows in the given order, ground truths as columns. */
    static double[][] matrix(List<Detection> dts, List<GroundTruth> gts) {
        double[][] out = new double[dts.size()][gts.size()];
        for (int g = 0; g < gts.size(); g++) {
            GroundTruth gt = gts.get(g);
            double ga = (gt.x2() - gt.x1()) * (gt.y2() - gt.y1());
            for (int d = 0; d < dts.size(); d++) {
                Detection dt = dts.get(d);
                double w = Math.min(dt.x2(), gt.x2()) - Math.max(dt.x1(), gt.x1());
                if (w <= 0) {
                    continue;
                }
                double h = Math.min(dt.y2(), gt.y2()) - Math.max(dt.y1(), gt.y1());
                if (h <= 0) {
                    continue;
                }
                double inter = w * h;
                double da = dt.area();
                double union = gt.crowd() ? da : da + ga - inter;
                out[d][g] = inter / union;
            }
        }
        return out;
    }
}
