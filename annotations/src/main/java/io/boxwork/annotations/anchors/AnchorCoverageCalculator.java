package io.boxwork.annotations.anchors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Measures how well an anchor configuration covers the labelled boxes of a set of images. */
public final class AnchorCoverageCalculator {
    private AnchorCoverageCalculator() {
    }

    /** Best anchor of every box of every image, in input order. */
    public static List<BoxCoverage> perBox(AnchorSpec spec, ResizeSpec resize, List<AnchorImage> images) {
        List<BoxCoverage> out = new ArrayList<>();
        // Images of one size share their grids, so the finder is built once per size.
        Map<Long, BestAnchorFinder> finders = new HashMap<>();
        for (AnchorImage image : images) {
            ResizedImage resized = resize.resize(image.height(), image.width());
            BestAnchorFinder finder = finders.computeIfAbsent(((long) image.height() << 32) | image.width(),
                    k -> new BestAnchorFinder(spec, resized));
            for (int b = 0; b < image.boxes().size(); b++) {
                LabelledBox box = image.boxes().get(b);
                BestAnchorFinder.Match m = finder.best(resized.scaleBox(box.x1(), box.y1(), box.x2(), box.y2()));
                Rect anchor = new Rect(m.x1() / resized.ratioWidth(), m.y1() / resized.ratioHeight(),
                        m.x2() / resized.ratioWidth(), m.y2() / resized.ratioHeight());
                out.add(new BoxCoverage(image.imageId(), b, box.classId(),
                        new Rect(box.x1(), box.y1(), box.x2(), box.y2()), m.iou(), finder.levelName(m.level()),
                        anchor));
            }
        }
        return out;
    }

    /** Summary figures, per class figures and the {@code worstCount} least covered boxes. */
    public static AnchorCoverage compute(AnchorSpec spec, ResizeSpec resize, List<AnchorImage> images,
                                         int worstCount) {
        return summarize(perBox(spec, resize, images), worstCount);
    }

    static AnchorCoverage summarize(List<BoxCoverage> boxes, int worstCount) {
        int[] histogram = new int[10];
        Tally all = new Tally();
        Map<Integer, Tally> byClass = new TreeMap<>();
        for (BoxCoverage b : boxes) {
            histogram[Math.min(9, (int) Math.floor(b.bestIou() * 10))]++;
            all.add(b.bestIou());
            byClass.computeIfAbsent(b.classId(), c -> new Tally()).add(b.bestIou());
        }
        List<ClassCoverage> perClass = new ArrayList<>();
        byClass.forEach((classId, t) -> perClass.add(new ClassCoverage(classId, t.count, t.share(t.at07),
                t.share(t.at05), t.share(t.at03), t.mean())));
        List<BoxCoverage> worst = boxes.stream()
                .sorted(Comparator.comparingDouble(BoxCoverage::bestIou))
                .limit(Math.max(0, worstCount))
                .toList();
        return new AnchorCoverage(all.count, all.share(all.at07), all.share(all.at05), all.share(all.at03),
                all.mean(), histogram, perClass, worst);
    }

    private static final class Tally {
        int count;
        int at07;
        int at05;
        int at03;
        double sum;

        void add(double iou) {
            count++;
            sum += iou;
            if (iou >= 0.7) {
                at07++;
            }
            if (iou >= 0.5) {
                at05++;
            }
            if (iou >= 0.3) {
                at03++;
            }
        }

        double share(int n) {
            return count == 0 ? 0 : (double) n / count;
        }

        double mean() {
            return count == 0 ? 0 : sum / count;
        }
    }
}
