package io.boxwork.engine.cli;

import com.google.gson.JsonObject;
import io.boxwork.engine.train.DetectionScores;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** How {@code eval} reports: pycocotools' twelve numbers under their usual names, plus VOC mAP@0.5. */
final class ScoresJson {
    private ScoresJson() {
    }

    static JsonObject toJson(DetectionScores s) {
        JsonObject o = new JsonObject();
        for (Map.Entry<String, Double> e : s.coco().asMap().entrySet()) o.add(e.getKey(), JsonOut.number(e.getValue()));
        o.add("VOC_mAP50", JsonOut.number(s.vocMap50()));
        JsonObject per = new JsonObject();
        s.perClassAp50().forEach((k, v) -> per.add(k, JsonOut.number(v)));
        o.add("per_class_AP50", per);
        return o;
    }

    static void printText(PrintWriter out, DetectionScores s) {
        String[] labels = {
            "Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ]",
            "Average Precision  (AP) @[ IoU=0.50      | area=   all | maxDets=100 ]",
            "Average Precision  (AP) @[ IoU=0.75      | area=   all | maxDets=100 ]",
            "Average Precision  (AP) @[ IoU=0.50:0.95 | area= small | maxDets=100 ]",
            "Average Precision  (AP) @[ IoU=0.50:0.95 | area=medium | maxDets=100 ]",
            "Average Precision  (AP) @[ IoU=0.50:0.95 | area= large | maxDets=100 ]",
            "Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=  1 ]",
            "Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets= 10 ]",
            "Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ]",
            "Average Recall     (AR) @[ IoU=0.50:0.95 | area= small | maxDets=100 ]",
            "Average Recall     (AR) @[ IoU=0.50:0.95 | area=medium | maxDets=100 ]",
            "Average Recall     (AR) @[ IoU=0.50:0.95 | area= large | maxDets=100 ]"};
        int i = 0;
        for (double v : s.coco().asMap().values()) out.printf(Locale.ROOT, " %s = %.3f%n", labels[i++], v);
        out.printf(Locale.ROOT, " VOC mAP@0.5 = %.3f%n", s.vocMap50());
        s.perClassAp50().forEach((k, v) -> out.printf(Locale.ROOT, "   AP50 %-20s %.3f%n", k, v));
        out.flush();
    }
}
