package io.boxwork.engine.train;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LrScheduleTest {

    @Test
    void warmupClimbsLinearlyFromTheStartFactorToTheBaseRate() {
        LearningRate lr = new LearningRate(0.02, new Warmup(10, 0.001), new LrSchedule.Constant(), 100, 10);
        assertEquals(0.02 * 0.001, lr.at(0), 1e-12);
        assertEquals(0.02 * (0.001 * 0.5 + 0.5), lr.at(5), 1e-12);
        assertEquals(0.02, lr.at(10), 1e-12);
        assertEquals(0.02, lr.at(99), 1e-12);
    }

    @Test
    void stepScheduleMultipliesByGammaAtEachMilestoneEpoch() {
        LrSchedule.Step step = new LrSchedule.Step(List.of(8, 11), 0.1);
        assertEquals(1.0, step.factor(79, 120, 10), 1e-12);
        assertEquals(0.1, step.factor(80, 120, 10), 1e-12);
        assertEquals(0.01, step.factor(110, 120, 10), 1e-12);
    }

    @Test
    void cosineScheduleFallsFromOneToItsFloorOverTheRun() {
        LrSchedule.Cosine cos = new LrSchedule.Cosine(0.05);
        assertEquals(1.0, cos.factor(0, 101, 10), 1e-12);
        assertEquals(0.05 + 0.95 * 0.5, cos.factor(50, 101, 10), 1e-12);
        assertEquals(0.05, cos.factor(100, 101, 10), 1e-12);
    }

    @Test
    void projectDefaultsFollowTorchvisionsRecipe() {
        TrainConfig c = TrainConfig.fromProject(io.boxwork.annotations.model.ProjectSettings.create("p", List.of("a")));
        assertEquals(0.9, c.momentum());
        assertEquals(1e-4, c.weightDecay());
        assertEquals(new LrSchedule.Step(List.of(8, 11), 0.1), c.schedule());
        assertEquals(800, c.anchors().minSize());
    }

    @Test
    void configSurvivesItsJsonAndRejectsNonsense() {
        TrainConfig c = TrainConfig.fromProject(io.boxwork.annotations.model.ProjectSettings.create("p", List.of("a")))
            .withSchedule(new Warmup(5, 0.01), new LrSchedule.Cosine(0.1)).withStart(new StartingPoint.ImageNetBackbone("resnet18"))
            .withProposals(io.boxwork.engine.inference.DetectorSpec.ProposalBudget.small());
        assertEquals(c, TrainConfigJson.fromJson(TrainConfigJson.toJson(c)));
        com.google.gson.JsonObject older = TrainConfigJson.toJson(c);
        older.remove("proposals");
        assertEquals(io.boxwork.engine.inference.DetectorSpec.ProposalBudget.torchvision(), TrainConfigJson.fromJson(older).proposals(),
            "a run from before the budget was recorded reads as torchvision's");
        assertThrows(IllegalArgumentException.class, () -> c.withLearningRate(-1));
        assertThrows(IllegalArgumentException.class, () -> new LrSchedule.Step(List.of(0), 0.1));
    }
}
