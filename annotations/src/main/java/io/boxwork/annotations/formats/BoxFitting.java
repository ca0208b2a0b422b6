package io.boxwork.annotations.formats;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The one rule every reader applies to a box: clip it to its image, drop it if nothing is left. */
final class BoxFitting {
    private BoxFitting() {
    }

    /**
     * @return the box, clipped when it reached outside the image (reported as changed), or empty
     *         when it has no area once clipped (reported as skipped)
     */
    static Optional<DatasetBox> fit(DatasetBox box, int width, int height, Path file, int line, int index,
                                    ImportReport.Builder report) {
        DatasetBox kept = box;
        if (!box.insideImage(width, height)) {
            kept = box.clippedTo(width, height);
            if (kept.hasArea()) {
                report.changed(file, line, index, String.format(Locale.ROOT,
                    "box of class '%s' [%s, %s, %s, %s] reaches outside the %dx%d image; clipped to [%s, %s, %s, %s]",
                    box.className(), num(box.x1()), num(box.y1()), num(box.x2()), num(box.y2()), width, height,
                    num(kept.x1()), num(kept.y1()), num(kept.x2()), num(kept.y2())));
            }
        }
        if (!kept.hasArea()) {
            report.skipped(file, line, index, String.format(Locale.ROOT,
                "box of class '%s' [%s, %s, %s, %s] has no area inside the %dx%d image",
                box.className(), num(box.x1()), num(box.y1()), num(box.x2()), num(box.y2()), width, height));
            return Optional.empty();
        }
        return Optional.of(kept);
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
