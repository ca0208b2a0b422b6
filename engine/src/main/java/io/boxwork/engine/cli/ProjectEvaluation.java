package io.boxwork.engine.cli;

import io.boxwork.annotations.model.LabelClass;
import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.storage.Project;
import io.boxwork.engine.data.DetectionDataset;
import io.boxwork.engine.device.ComputeDevice;
import io.boxwork.engine.inference.FasterRcnnDetector;
import io.boxwork.engine.inference.LoadedModel;
import io.boxwork.engine.train.DetectionScores;
import io.boxwork.engine.train.Validation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code eval --project --weights}: the model's COCO and VOC scores on one split of a project. */
final class ProjectEvaluation {
    private ProjectEvaluation() {
    }

    /** Scores on {@code device}; the caller has set the threads and chosen it. */
    static DetectionScores score(Path projectDir, Split split, ModelOptions options, ComputeDevice device) throws IOException {
        Project project = Project.openReadOnly(projectDir);
        List<String> names = project.settings().classes().stream().map(LabelClass::name).toList();
        Path weights = options.requireWeights();
        LoadedModel.Overrides o = options.overrides();
        FasterRcnnDetector model = LoadedModel.load(weights, new LoadedModel.Overrides(o.backbone(), o.numClasses(), o.minSize(),
            o.maxSize(), o.scoreThresh(), names));
        model.to(device);
        DetectionDataset data = DetectionDataset.of(project, split);
        if (data.size() == 0) throw new IllegalArgumentException("the " + split.jsonName() + " split of " + projectDir + " has no labelled image");
        return Validation.run(model, data, names, 1, 0L).scores();
    }
}
