package io.boxwork.engine.train;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A checkpoint is for Python too: torch.load reads it and torch's SGD and the model's keys accept its parts. */
class CheckpointTorchLoadTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void torchLoadReadsLastPthAndSgdAcceptsItsOptimizerState(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "needs Debian's python3 with torch");
        RunFolder run = RunFolder.create(dir, Clock.systemUTC());
        TinyDetector model = new TinyDetector(java.util.List.of("red", "green"));
        TrainConfig config = new TrainConfig("tiny", 5, new StartingPoint.Scratch(), 1, 2, 0.05, 0.9, 1e-4,
            Warmup.none(), new LrSchedule.Constant(), 0, null, 0, 1, 3L, "cpu", false, null);
        Trainer.start(model, config, new GeneratedSamples(4, 32, 1), new GeneratedSamples(0, 32, 1), run).run();
        String script = String.join("\n",
            "import sys, torch, json",
            "ck = torch.load(sys.argv[1], map_location='cpu')",
            "m = ck['model']",
            "params = [torch.nn.Parameter(m[k].clone()) for k in ['conv1.weight','conv1.bias','conv2.weight','conv2.bias','head.weight','head.bias']]",
            "opt = torch.optim.SGD(params, lr=0.05, momentum=0.9, weight_decay=1e-4)",
            "opt.load_state_dict(ck['optimizer'])",
            "print(json.dumps({'keys': sorted(ck.keys()), 'model': list(m.keys()), 'iteration': ck['iteration'],",
            "  'epoch': ck['epoch'], 'buffers': len(opt.state), 'config': json.loads(ck['config'])['backbone']}))");
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", script, run.last().toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        Assumptions.assumeFalse(out.contains("No module named 'torch'"), "python3 has no torch");
        assertEquals(0, p.exitValue(), out);
        var json = com.google.gson.JsonParser.parseString(out.substring(out.lastIndexOf('\n') + 1)).getAsJsonObject();
        assertEquals(2, json.get("iteration").getAsInt());
        assertEquals(1, json.get("epoch").getAsInt());
        assertEquals(6, json.get("buffers").getAsInt());
        assertEquals("tiny", json.get("config").getAsString());
        assertEquals(ModelState.stateDict(model).keys().stream().toList(),
            json.getAsJsonArray("model").asList().stream().map(e -> e.getAsString()).toList());
    }
}
