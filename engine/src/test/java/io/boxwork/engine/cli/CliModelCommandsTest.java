package io.boxwork.engine.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.boxwork.annotations.model.AnchorSettings;
import io.boxwork.annotations.model.Split;
import io.boxwork.annotations.model.SplitPlan;
import io.boxwork.annotations.model.TrainingDefaults;
import io.boxwork.annotations.storage.Project;
import io.boxwork.engine.data.DetectionDataset;
import io.boxwork.engine.detection.FasterRcnnConfig;
import io.boxwork.engine.device.DevicePreference;
import io.boxwork.engine.device.Devices;
import io.boxwork.engine.inference.DetectorSpec;
import io.boxwork.engine.inference.FasterRcnnDetector;
import io.boxwork.engine.inference.ImagePrediction;
import io.boxwork.engine.inference.LoadedModel;
import io.boxwork.engine.inference.Predictor;
import io.boxwork.engine.train.DetectionScores;
import io.boxwork.engine.train.Validation;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train → predict → eval through the CLI on a tiny project, each checked against the library. */
class CliModelCommandsTest {
    @TempDir
    static Path dir;
    static Path project;
    static Path best;
    static JsonObject trained;

    @BeforeAll
    static void trainOnce() throws Exception {
        Path coco = CocoFixture.write(dir.resolve("coco"), 6, 96, 5);
        project = dir.resolve("p");
        assertEquals(0, CliRun.of("import", "--format", "coco", coco.toString(), "--project", project.toString()).exitCode());
        try (Project p = Project.open(project)) {
            SplitPlan plan = p.settings().split();
            List<String> images = p.images();
            for (int i = 0; i < images.size(); i++) plan = plan.withOverride(images.get(i), i < 4 ? Split.TRAIN : Split.VAL);
            AnchorSettings small = new AnchorSettings(List.of(List.of(16), List.of(32), List.of(64), List.of(128), List.of(256)),
                List.of(0.5, 1.0, 2.0), 96, 96);
            p.saveSettings(p.settings().withSplit(plan).withAnchors(small)
                .withTraining(new TrainingDefaults("resnet18_fpn", "", 1, 2, 0.01, 1)));
        }
        CliRun train = CliRun.of("train", "--project", project.toString(), "--small-proposals", "--threads", "2",
            "--schedule", "cosine", "--warmup", "1", "--clip-norm", "5", "--json");
        JsonObject end = train.json().getAsJsonObject();
        trained = end;
        assertEquals("finished", end.get("type").getAsString(), train.err());
        Path run = Path.of(end.get("run").getAsString());
        best = run.resolve("best.pth");
        assertTrue(Files.isRegularFile(best), "best.pth after an evaluated epoch");
        assertTrue(Files.isRegularFile(run.resolve("metrics.jsonl")));
        assertTrue(Files.isRegularFile(run.resolve("curves.png")));
    }

    @Test
    void predictWithJsonGivesTheLibrarysBoxesScoresAndLabels() throws Exception {
        JsonObject out = CliRun.of("predict", "--weights", best.toString(), "--project", project.toString(), "--split", "VAL",
            "--score-thresh", "0.0", "--json").json().getAsJsonObject();

        FasterRcnnDetector model = LoadedModel.load(best, new LoadedModel.Overrides(null, null, null, null, 0.0, null));
        List<ImagePrediction> lib = new Predictor(model, 1).predictProject(Project.openReadOnly(project), Split.VAL, p -> { });
        JsonArray images = out.getAsJsonArray("images");
        assertEquals(lib.size(), images.size());
        for (int i = 0; i < lib.size(); i++) {
            JsonObject img = images.get(i).getAsJsonObject();
            assertEquals(lib.get(i).image(), img.get("image").getAsString());
            assertEquals(lib.get(i).detections().size(), img.getAsJsonArray("scores").size());
            for (int d = 0; d < lib.get(i).detections().size(); d++) {
                assertEquals(lib.get(i).detections().get(d).score(), img.getAsJsonArray("scores").get(d).getAsFloat(), 1e-5);
                assertEquals(lib.get(i).detections().get(d).label(), img.getAsJsonArray("labels").get(d).getAsInt());
                assertEquals(lib.get(i).detections().get(d).x1(), img.getAsJsonArray("boxes").get(d).getAsJsonArray().get(0).getAsFloat(), 1e-3);
            }
        }
    }

    @Test
    void evalOnTheProjectMatchesTheLibrarysScores() throws Exception {
        JsonObject out = CliRun.of("eval", "--project", project.toString(), "--weights", best.toString(), "--json").json().getAsJsonObject();

        Project p = Project.openReadOnly(project);
        List<String> names = List.of("cat", "dog");
        FasterRcnnDetector model = LoadedModel.load(best, new LoadedModel.Overrides(null, null, null, null, null, names));
        DetectionScores lib = Validation.run(model, DetectionDataset.of(p, Split.VAL), names, 1, 0L).scores();
        assertEquals(lib.coco().ap(), out.get("AP").getAsDouble(), 1e-9);
        assertEquals(lib.coco().ar100(), out.get("AR100").getAsDouble(), 1e-9);
        assertEquals(lib.vocMap50(), out.get("VOC_mAP50").getAsDouble(), 1e-9);
    }

    @Test
    void byDefaultEachCommandTakesTheDeviceLibTorchOffersAndSaysWhichItIs() throws Exception {
        String expected = Devices.choose(DevicePreference.AUTO).isCuda() ? "CUDA: " : "CPU (";
        assertTrue(trained.get("device").getAsString().startsWith(expected), trained.toString());

        CliRun predict = CliRun.of("predict", "--weights", best.toString(), "--project", project.toString(), "--split", "VAL", "--json");
        assertTrue(predict.json().getAsJsonObject().get("device").getAsString().startsWith(expected), predict.out());
        assertTrue(predict.err().contains("device: " + expected), predict.err());

        CliRun eval = CliRun.of("eval", "--project", project.toString(), "--weights", best.toString(), "--device", "auto", "--json");
        assertTrue(eval.json().getAsJsonObject().get("device").getAsString().startsWith(expected), eval.out());

        CliRun bench = CliRun.of("bench", "--images", "2", "--size", "64", "--batch", "2", "--json");
        assertTrue(bench.json().getAsJsonObject().get("device").getAsString().startsWith(expected), bench.out());
    }

    @Test
    void cpuIsTakenWhenAskedFor() {
        CliRun predict = CliRun.of("predict", "--weights", best.toString(), "--project", project.toString(), "--split", "VAL",
            "--device", "cpu", "--threads", "2", "--json");
        assertEquals("CPU (2 threads)", predict.json().getAsJsonObject().get("device").getAsString());
    }

    @Test
    void cudaOnAMachineWithoutOneIsRefusedInOneLineThatSaysWhy() {
        Assumptions.assumeFalse(torch.cuda_is_available(), "this machine has a GPU");
        List<String[]> commands = List.of(
            new String[]{"train", "--project", project.toString(), "--device", "cuda"},
            new String[]{"predict", "--weights", best.toString(), "--project", project.toString(), "--device", "cuda"},
            new String[]{"eval", "--project", project.toString(), "--weights", best.toString(), "--device", "cuda"},
            new String[]{"bench", "--device", "cuda"});
        for (String[] args : commands) {
            CliRun run = CliRun.of(args);
            assertEquals(CliErrors.BAD_INPUT, run.exitCode(), args[0] + ": " + run.err());
            assertTrue(run.err().startsWith("boxwork " + args[0] + ": CUDA was requested but LibTorch sees no CUDA device"), run.err());
            assertTrue(run.err().contains("choose auto or cpu"), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        }
    }

    @Test
    void theRecipeOptionsReachTheRunsConfig() throws Exception {
        JsonObject config = JsonParser.parseString(Files.readString(best.resolveSibling("config.json"))).getAsJsonObject();
        assertEquals("cosine", config.getAsJsonObject("schedule").get("kind").getAsString());
        assertEquals(1, config.get("warmup_iterations").getAsInt());
        assertEquals(5.0, config.get("clip_norm").getAsDouble());
        JsonObject proposals = config.getAsJsonObject("proposals");
        assertEquals(DetectorSpec.ProposalBudget.small().postNmsTopNTest(), proposals.get("rpn_post_nms_top_n_test").getAsInt());
        assertEquals(DetectorSpec.ProposalBudget.small().boxBatchSizePerImage(), proposals.get("box_batch_size_per_image").getAsInt());
    }

    @Test
    void predictAndEvalRebuildTheRunsProposalBudgetFromItsCheckpoint() throws Exception {
        FasterRcnnConfig c = LoadedModel.load(best, new LoadedModel.Overrides(null, null, null, null, null, null)).config();
        DetectorSpec.ProposalBudget small = DetectorSpec.ProposalBudget.small();
        assertEquals(small.preNmsTopNTest(), c.rpnPreNmsTopNTest());
        assertEquals(small.postNmsTopNTest(), c.rpnPostNmsTopNTest(),
            "a run trained with --small-proposals is evaluated as it was validated, not with torchvision's 1000");
    }

    @Test
    void anUnknownScheduleIsNamedWithTheChoices() {
        CliRun run = CliRun.of("train", "--project", project.toString(), "--schedule", "linear");
        assertEquals(CliErrors.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("--schedule takes step or cosine, not 'linear'"), run.err());
    }

    @Test
    void anUnknownDeviceIsNamedWithTheChoices() {
        CliRun run = CliRun.of("predict", "--weights", best.toString(), "--project", project.toString(), "--device", "tpu");
        assertEquals(CliErrors.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("unknown device 'tpu'; use auto, cpu or cuda"), run.err());
    }

    @Test
    void trainRefusesAProjectThatFailsThePreLaunchChecks(@TempDir Path other) throws Exception {
        try (Project p = Project.create(other.resolve("empty"), io.boxwork.annotations.model.ProjectSettings.create("empty", List.of()))) {
            assertTrue(p.images().isEmpty());
        }
        CliRun run = CliRun.of("train", "--project", other.resolve("empty").toString());
        assertEquals(CliErrors.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("the project has no classes"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }
}
