package io.boxwork.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tensor made from nothing lands on the CPU. On a GPU run the first operation that meets a CUDA
 * tensor then fails, on a code path the CPU tests never tell apart. So every factory call in the
 * engine either takes its options from a tensor it will meet ({@code x.options()},
 * {@code Tensors.options(x, type)}, or a {@code TensorOptions} variable made so), moves its result
 * where it belongs ({@code .to(x.device(), ...)}, {@code .to(device, ...)}), or is listed below
 * with the reason it may be on the CPU.
 */
class EveryNewTensorKnowsItsDeviceTest {
    private static final Path MAIN = Path.of("src", "main", "java", "io", "boxwork", "engine");
    private static final Pattern FACTORY = Pattern.compile(
        "torch\\.(zeros|ones|full|arange|empty|tensor|rand|randn|randint|randperm|eye|linspace|from_blob)\\(|Tensor\\.create\\(|new TensorOptions\\(");
    private static final Pattern OPTIONS_VARIABLE = Pattern.compile("TensorOptions\\s+(\\w+)\\s*=([^;]*);");
    /** {@code .to(device, ...)}, {@code .to(x.device(), ...)}: moved where a tensor or the model is. */
    private static final Pattern MOVED = Pattern.compile("\\.to\\([^,;]*[dD]evice");

    /** File, the start of the statement, and why it may make a CPU tensor. */
    private record OnTheCpu(String file, String statement, String why) {
    }

    private static final List<OnTheCpu> ON_THE_CPU = List.of(
        new OnTheCpu("backbone/BatchNorm2d.java", "weight = torch.ones(features)", "registered: Module.to moves it"),
        new OnTheCpu("backbone/BatchNorm2d.java", "bias = torch.zeros(features)", "registered: Module.to moves it"),
        new OnTheCpu("backbone/BatchNorm2d.java", "runningMean = torch.zeros(features)", "registered: Module.to moves it"),
        new OnTheCpu("backbone/BatchNorm2d.java", "runningVar = torch.ones(features)", "registered: Module.to moves it"),
        new OnTheCpu("backbone/BatchNorm2d.java", "numBatchesTracked = torch.zeros(", "registered: Module.to moves it"),
        new OnTheCpu("backbone/FrozenBatchNorm2d.java", "weight = torch.ones(features)", "registered: Module.to moves it"),
        new OnTheCpu("backbone/FrozenBatchNorm2d.java", "bias = torch.zeros(features)", "registered: Module.to moves it"),
        new OnTheCpu("backbone/FrozenBatchNorm2d.java", "runningMean = torch.zeros(features)", "registered: Module.to moves it"),
        new OnTheCpu("backbone/FrozenBatchNorm2d.java", "runningVar = torch.ones(features)", "registered: Module.to moves it"),
        new OnTheCpu("detection/RoiAlignKernel.java", "Tensor out = torch.empty(", "RoiAlign sends only CPU maps to the Java kernel"),
        new OnTheCpu("detection/AnchorGenerator.java", "Tensor scaleT = Tensor.create(", "base anchors, made once; gridAnchors moves them"),
        new OnTheCpu("detection/AnchorGenerator.java", "Tensor hRatios = Tensor.create(", "base anchors, made once; gridAnchors moves them"),
        new OnTheCpu("data/SampleTensors.java", "Tensor image = Tensor.create(", "decoded on the CPU; SampleTensors.to moves it"),
        new OnTheCpu("data/SampleTensors.java", "Tensor boxes = Tensor.create(", "decoded on the CPU; SampleTensors.to moves it"),
        new OnTheCpu("data/SampleTensors.java", "Tensor labels = Tensor.create(", "decoded on the CPU; SampleTensors.to moves it"),
        new OnTheCpu("tensor/Tensors.java", "return Tensor.create(values, shape)", "Java values in; callers move the result"),
        new OnTheCpu("weights/StorageBytes.java", "return torch.empty(", "file bytes; copy_ puts them into the model wherever it is"));

    @Test
    void everyFactoryCallTakesItsDeviceFromATensorOrIsOnTheCpuForAReason() throws IOException {
        Set<String> unplaced = new LinkedHashSet<>();
        Set<OnTheCpu> used = new HashSet<>();
        int calls = 0;
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = MAIN.relativize(file).toString().replace('\\', '/');
                String code = withoutComments(Files.readString(file));
                Set<String> placedOptions = new HashSet<>();
                Matcher v = OPTIONS_VARIABLE.matcher(code);
                while (v.find()) if (placed(v.group(2), Set.of())) placedOptions.add(v.group(1));
                Matcher m = FACTORY.matcher(code);
                while (m.find()) {
                    calls++;
                    String statement = statement(code, m.start());
                    if (placed(statement, placedOptions)) continue;
                    OnTheCpu reason = ON_THE_CPU.stream()
                        .filter(r -> r.file().equals(name) && statement.strip().startsWith(r.statement())).findFirst().orElse(null);
                    if (reason != null) {
                        used.add(reason);
                    } else {
                        unplaced.add(name + ": " + statement.strip().replaceAll("\\s+", " "));
                    }
                }
            }
        }
        assertTrue(calls > 30, "the scan found only " + calls + " factory calls: is it looking at the engine's sources?");
        assertEquals(List.of(), List.copyOf(unplaced), "tensors made on the CPU whatever the model's device: give them a tensor's "
            + "options (x.options(), Tensors.options(x, type)) or move them (.to(x.device(), ...))");
        List<OnTheCpu> stale = ON_THE_CPU.stream().filter(r -> !used.contains(r)).toList();
        assertEquals(List.of(), stale, "allowed CPU factory calls that no longer exist: drop them from the list");
    }

    private static boolean placed(String statement, Set<String> placedOptions) {
        if (statement.contains("options(") || MOVED.matcher(statement).find()) return true;
        for (String name : placedOptions) {
            if (Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(statement).find()) return true;
        }
        return false;
    }

    /** From the start of the line holding {@code at} to the end of its statement. */
    private static String statement(String code, int at) {
        int start = code.lastIndexOf('\n', at) + 1;
        int end = code.indexOf(';', at);
        return code.substring(start, end < 0 ? code.length() : end);
    }

    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
    }
}
