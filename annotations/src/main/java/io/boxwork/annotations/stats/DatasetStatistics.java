package io.boxwork.annotations.stats;

import com.google.gson.JsonObject;
import io.boxwork.annotations.model.ImageLabels;
import io.boxwork.annotations.model.ProjectSettings;
import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.storage.Project;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a project's labels look like, over all images and per split: what a person checks before
 * training (enough boxes per class? objects the anchors can reach? an empty validation split?).
 */
public record DatasetStatistics(SplitStatistics all, Map<Split, SplitStatistics> perSplit) {

    public DatasetStatistics {
        perSplit = Map.copyOf(perSplit);
    }

    /** Reads every image's labels (or its header, for an image without labels yet). */
    public static DatasetStatistics of(Project project) throws IOException {
        List<ImageLabels> labels = new ArrayList<>();
        for (String path : project.images()) labels.add(project.labels(path));
        return of(labels, project.settings());
    }

    /** Splits follow {@code settings.split()}. */
    public static DatasetStatistics of(List<ImageLabels> labels, ProjectSettings settings) {
        Map<Split, List<ImageLabels>> bySplit = new EnumMap<>(Split.class);
        for (Split s : Split.values()) bySplit.put(s, new ArrayList<>());
        for (ImageLabels l : labels) bySplit.get(settings.split().splitOf(l.imagePath())).add(l);
        Map<Split, SplitStatistics> perSplit = new EnumMap<>(Split.class);
        bySplit.forEach((split, list) -> perSplit.put(split, SplitStatistics.of(list, settings)));
        return new DatasetStatistics(SplitStatistics.of(labels, settings), perSplit);
    }

    public SplitStatistics split(Split split) {
        return perSplit.get(split);
    }

    /** A terminal-friendly summary with text histograms. */
    public String toText() {
        return StatisticsFormatting.text(this);
    }

    /** The figures as JSON; an open last histogram edge is {@code null}. */
    public JsonObject toJson() {
        return StatisticsFormatting.json(this);
    }
}
