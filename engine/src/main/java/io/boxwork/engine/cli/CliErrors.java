package io.boxwork.engine.cli;

import io.boxwork.annotations.storage.MalformedFileException;
import io.boxwork.engine.device.DeviceUnavailableException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

/**
 * Turns a failure into one line on stderr and an exit code: 2 for bad input (arguments, files,
 * data, a device this machine does not have), 1 for a run that failed on its own (a NaN loss,
 * say), 70 for a bug.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int RUN_FAILED = 1;
    static final int INTERNAL = 70;

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        String command = cl.getCommandName();
        if (t instanceof RunFailedException f) {
            cl.getErr().println("boxwork " + command + ": " + f.getMessage());
            return RUN_FAILED;
        }
        String reason = describe(t);
        if (reason != null) {
            cl.getErr().println("boxwork " + command + ": " + reason);
            return BAD_INPUT;
        }
        cl.getErr().println("boxwork " + command + ": internal error: " + t);
        StackTraceElement[] trace = t.getStackTrace();
        if (trace.length > 0) cl.getErr().println("  at " + trace[0]);
        if (System.getenv("BOXWORK_TRACE") != null) t.printStackTrace(cl.getErr());
        cl.getErr().flush();
        return INTERNAL;
    }

    /** A person-readable reason for an input problem, or null when it is not one. */
    static String describe(Throwable t) {
        if (t instanceof MalformedFileException m) return m.getMessage();
        if (t instanceof NoSuchFileException n) return "no such file: " + n.getFile() + (n.getReason() == null ? "" : " (" + n.getReason() + ")");
        if (t instanceof FileAlreadyExistsException f) return "already exists: " + f.getFile() + (f.getReason() == null ? "" : " (" + f.getReason() + ")");
        if (t instanceof AccessDeniedException a) return "permission denied: " + a.getFile();
        if (t instanceof IOException io) return io.getMessage() == null ? io.toString() : io.getMessage();
        if (t instanceof IllegalArgumentException i) return i.getMessage();
        if (t instanceof DeviceUnavailableException d) return d.getMessage();
        return null;
    }

    static int onParameterError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println("boxwork " + cl.getCommandName() + ": " + e.getMessage());
        cl.getErr().println("  (boxwork " + cl.getCommandName() + " --help shows the options)");
        return BAD_INPUT;
    }

    /** A run that started and then failed on its own; its message is the reason. */
    static final class RunFailedException extends RuntimeException {
        RunFailedException(String message) {
            super(message);
        }
    }
}
