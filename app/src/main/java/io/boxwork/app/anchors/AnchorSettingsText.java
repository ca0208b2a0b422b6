package io.boxwork.app.anchors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text forms of anchor sizes and aspect ratios in the Anchors mode's fields. Sizes list the
 * levels separated by ';' (finest first) and the sizes of one level separated by ',' or spaces, so
 * torchvision's {@code ((32,), (64,), (128,), (256,), (512,))} reads {@code 32; 64; 128; 256; 512}
 * and a single map's {@code ((32, 64, 128),)} reads {@code 32, 64, 128}.
 */
public final class AnchorSettingsText {
    public static final String SIZES = "anchor sizes";
    public static final String RATIOS = "aspect ratios";
    private static final Pattern TOKEN = Pattern.compile("[^,;\\s]+");

    private AnchorSettingsText() {
    }

    public static List<List<Integer>> parseSizes(String text) {
        List<List<Integer>> levels = new ArrayList<>();
        int start = 0;
        for (String level : text.split(";", -1)) {
            List<Integer> sizes = new ArrayList<>();
            Matcher m = TOKEN.matcher(level);
            while (m.find()) {
                int column = start + m.start() + 1;
                int value;
                try {
                    value = Integer.parseInt(m.group());
                } catch (NumberFormatException e) {
                    throw new AnchorTextException(SIZES, column, "'" + m.group() + "' is not a whole number of pixels");
                }
                if (value <= 0) throw new AnchorTextException(SIZES, column, "size " + value + " must be positive");
                sizes.add(value);
            }
            if (sizes.isEmpty()) {
                throw new AnchorTextException(SIZES, start + 1, "level " + (levels.size() + 1) + " has no size");
            }
            levels.add(sizes);
            start += level.length() + 1;
        }
        return levels;
    }

    public static List<Double> parseRatios(String text) {
        List<Double> ratios = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            int column = m.start() + 1;
            double value;
            try {
                value = Double.parseDouble(m.group());
            } catch (NumberFormatException e) {
                throw new AnchorTextException(RATIOS, column, "'" + m.group() + "' is not a number");
            }
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new AnchorTextException(RATIOS, column, "ratio " + m.group() + " must be a positive number (height / width)");
            }
            ratios.add(value);
        }
        if (ratios.isEmpty()) throw new AnchorTextException(RATIOS, 1, "at least one ratio is needed");
        return ratios;
    }

    public static String formatSizes(List<List<Integer>> sizes) {
        List<String> levels = new ArrayList<>();
        for (List<Integer> level : sizes) {
            levels.add(String.join(", ", level.stream().map(String::valueOf).toList()));
        }
        return String.join("; ", levels);
    }

    public static String formatRatios(List<Double> ratios) {
        return String.join(", ", ratios.stream().map(AnchorSettingsText::number).toList());
    }

    /** 1.0 as "1", 0.5 as "0.5": the way a person types them. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return String.valueOf((long) v);
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
