package io.boxwork.annotations.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The twelve numbers pycocotools' {@code summarize()} prints for boxes, in its order. A value is -1
 * when no class had ground truth in that setting, as in pycocotools.
 */
public record CocoSummary(double ap, double ap50, double ap75, double apSmall, double apMedium, double apLarge,
                          double ar1, double ar10, double ar100, double arSmall, double arMedium, double arLarge) {

    /** The numbers under their usual names: AP, AP50, AP75, APs, APm, APl, AR1, AR10, AR100, ARs, ARm, ARl. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("AP", ap);
        m.put("AP50", ap50);
        m.put("AP75", ap75);
        m.put("APs", apSmall);
        m.put("APm", apMedium);
        m.put("APl", apLarge);
        m.put("AR1", ar1);
        m.put("AR10", ar10);
        m.put("AR100", ar100);
        m.put("ARs", arSmall);
        m.put("ARm", arMedium);
        m.put("ARl", arLarge);
        return m;
    }
}
