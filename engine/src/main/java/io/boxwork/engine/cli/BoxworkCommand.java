package io.boxwork.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command; each subcommand is one job. */
// INHERIT: every command takes --help and --version, not only the top one.
@Command(name = "boxwork", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "boxwork 0.1.0",
    description = "Label images with boxes, train Faster R-CNN and review predictions: the headless engine.",
    subcommands = {ImportCommand.class, ExportCommand.class, StatsCommand.class, AnchorsCommand.class,
        TrainCommand.class, PredictCommand.class, EvalCommand.class, BenchCommand.class})
public final class BoxworkCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: " + spec.subcommands().keySet());
    }

    /** A command line with Boxwork's error handling: one line per error, no stack trace, non-zero exit. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new BoxworkCommand());
        cl.setExecutionExceptionHandler(new CliErrors());
        cl.setParameterExceptionHandler(CliErrors::onParameterError);
        return cl;
    }
}
