package io.boxwork.engine.weights;

import java.util.List;
import java.util.Map;

/**
 * What a weight load did, key by key (model naming, after {@link KeyMigration}).
 *
 * @param loaded     copied into the model
 * @param missing    the model has them (and the filter accepts them) but the weights do not
 * @param unexpected the weights have them (and the filter accepts them) but the model does not
 * @param mismatched in both, with different shapes: left as the model had them
 * @param skipped    rejected by the key filter, or buffers the model does not keep
 *                   ({@code num_batches_tracked} next to a frozen batch norm)
 * @param renamed    old file key to the model key it was loaded as
 */
public record LoadReport(List<String> loaded, List<String> missing, List<String> unexpected,
                         List<ShapeMismatch> mismatched, List<String> skipped, Map<String, String> renamed) {

    /** A key whose tensor has one shape in the file and another in the model. */
    public record ShapeMismatch(String key, List<Long> fileShape, List<Long> modelShape) {
        @Override
        public String toString() {
            return key + " " + fileShape + " in the file, " + modelShape + " in the model";
        }
    }

    public LoadReport {
        loaded = List.copyOf(loaded);
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
        mismatched = List.copyOf(mismatched);
        skipped = List.copyOf(skipped);
        renamed = Map.copyOf(renamed);
    }

    /** True when every key the filter accepted matched in name and shape. */
    public boolean isExact() {
        return missing.isEmpty() && unexpected.isEmpty() && mismatched.isEmpty();
    }

    public String summary() {
        StringBuilder text = new StringBuilder(loaded.size() + " loaded");
        appendKeys(text, "missing", missing);
        appendKeys(text, "unexpected", unexpected);
        appendKeys(text, "shape mismatch", mismatched.stream().map(ShapeMismatch::toString).toList());
        if (!skipped.isEmpty()) {
            text.append("; ").append(skipped.size()).append(" skipped");
        }
        if (!renamed.isEmpty()) {
            text.append("; ").append(renamed.size()).append(" renamed from an older layout");
        }
        return text.toString();
    }

    private static void appendKeys(StringBuilder text, String what, List<String> keys) {
        if (!keys.isEmpty()) {
            text.append("; ").append(keys.size()).append(' ').append(what).append(": ")
                    .append(String.join(", ", keys.subList(0, Math.min(keys.size(), 8))));
            if (keys.size() > 8) {
                text.append(", ...");
            }
        }
    }
}
