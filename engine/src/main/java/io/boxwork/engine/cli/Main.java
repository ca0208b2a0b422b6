package io.boxwork.engine.cli;

import io.boxwork.engine.device.NativeLibraries;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Map;

/** {@code java -jar boxwork.jar <command>}: the headless engine. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        warnAboutThreadEnvironment(System.getenv(), new PrintWriter(System.err, true));
        NativeLibraries.unpack();
        System.exit(BoxworkCommand.commandLine().execute(args));
    }

    /**
     * OpenMP busy-waiting and OpenBLAS's own threads make a step ~10x slower under contention;
     * both are read when the natives load, so only the launcher's environment can fix them.
     */
    static void warnAboutThreadEnvironment(Map<String, String> env, PrintWriter err) {
        if (!"PASSIVE".equalsIgnoreCase(env.getOrDefault("OMP_WAIT_POLICY", ""))) {
            err.println("boxwork: warning: OMP_WAIT_POLICY is not PASSIVE; set OMP_WAIT_POLICY=PASSIVE before java "
                + "(training can be ~10x slower when other programs use the CPU)");
        }
        if (!"1".equals(env.getOrDefault("OPENBLAS_NUM_THREADS", ""))) {
            err.println("boxwork: warning: OPENBLAS_NUM_THREADS is not 1; set OPENBLAS_NUM_THREADS=1 before java");
        }
    }

    static CommandLine commandLine() {
        return BoxworkCommand.commandLine();
    }
}
