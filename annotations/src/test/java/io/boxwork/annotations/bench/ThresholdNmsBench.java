package io.boxwork.annotations.bench;

import io.boxwork.annotations.geometry.NmsCandidates;
import io.boxwork.annotations.geometry.NmsWorkspace;
import io.boxwork.annotations.geometry.ThresholdNms;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Review-slider cost: score threshold + class-wise NMS over 10,000 candidates in 20 classes.
 * {@code sliderMove} is what a slider drag pays (candidates prepared once per image);
 * {@code prepareAndApply} adds the one-off grouping and sort.
 *
 * <p>Run (from the repository root):
 * <pre>
 * mvn -B -q -pl annotations -am install -DskipTests
 * mvn -B -q -pl annotations test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath io.boxwork.annotations.bench.ThresholdNmsBench"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ThresholdNmsBench {
    @Param({"clustered", "uniform"})
    public String layout;

    @Param({"0.05", "0.5"})
    public float scoreThreshold;

    private CandidateFixture fixture;
    private NmsCandidates prepared;
    private final NmsWorkspace workspace = new NmsWorkspace();

    @Setup
    public void setUp() {
        fixture = CandidateFixture.generate(layout, 10_000, 20, 2026);
        prepared = NmsCandidates.of(fixture.boxes(), fixture.scores(), fixture.labels());
    }

    @Benchmark
    public int[] sliderMove() {
        return ThresholdNms.apply(prepared, scoreThreshold, 0.5, Integer.MAX_VALUE, workspace);
    }

    @Benchmark
    public int[] prepareAndApply() {
        NmsCandidates c = NmsCandidates.of(fixture.boxes(), fixture.scores(), fixture.labels());
        return ThresholdNms.apply(c, scoreThreshold, 0.5, Integer.MAX_VALUE, workspace);
    }

    /** Accepts JMH's usual command-line options (e.g. {@code -wi 1 -i 2}) to shorten a run. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(ThresholdNmsBench.class.getName()).build()).run();
    }
}
