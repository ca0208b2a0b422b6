package io.boxwork.app.review;

import io.boxwork.annotations.model.Box;

import java.util.List;

/**
 * What the sliders leave of one image's candidates, judged against its labels.
 *
 * @param kept        candidate indices that survive threshold + NMS, best score first
 * @param truePositive per kept candidate: it found a label of its class
 * @param truth       the labels judged against (manual boxes only: unconfirmed predictions are not truth)
 * @param found       per truth box: some kept candidate found it (false = a miss)
 */
public record ImageOutcome(ImageCandidates candidates, int[] kept, boolean[] truePositive, List<Box> truth, boolean[] found) {

    public int truePositives() {
        int n = 0;
        for (boolean b : truePositive) if (b) n++;
        return n;
    }

    public int falsePositives() {
        return kept.length - truePositives();
    }

    public int misses() {
        int n = 0;
        for (boolean b : found) if (!b) n++;
        return n;
    }

    public int errors() {
        return falsePositives() + misses();
    }

    /** NaN when nothing was predicted. */
    public double precision() {
        return kept.length == 0 ? Double.NaN : (double) truePositives() / kept.length;
    }

    /** NaN when the image has no labels. */
    public double recall() {
        return truth.isEmpty() ? Double.NaN : (double) (truth.size() - misses()) / truth.size();
    }

    /** Kept candidate {@code k} as a predicted box (id {@code k}, so a view can name it). */
    public Box predictedBox(int k) {
        int i = kept[k];
        float[] b = candidates.boxes();
        return Box.predicted(k, candidates.classIds()[i], b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3],
            candidates.scores()[i]);
    }
}
