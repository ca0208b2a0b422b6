package io.boxwork.engine.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident memory as the kernel counts it, native allocations included: the JVM's
 * own heap figures cannot see what LibTorch holds, {@code /proc/self/status} can.
 *
 * @param rssKiB  {@code VmRSS}, resident now
 * @param peakKiB {@code VmHWM}, the highest resident size so far
 */
public record ProcessRss(long rssKiB, long peakKiB) {

    private static final Path STATUS = Path.of("/proc/self/status");

    public static ProcessRss now() {
        try {
            return parse(Files.readString(STATUS));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + STATUS + " (the memory benchmark needs Linux's procfs)", e);
        }
    }

    /** Reads the {@code VmRSS} and {@code VmHWM} lines of a {@code /proc/<pid>/status} text. */
    public static ProcessRss parse(String status) {
        return new ProcessRss(kib(status, "VmRSS"), kib(status, "VmHWM"));
    }

    private static long kib(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field + ":")) {
                String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                if (parts.length != 2 || !parts[1].equals("kB")) {
                    throw new IllegalArgumentException("Unexpected " + field + " line in " + STATUS + ": '" + line + "'");
                }
                return Long.parseLong(parts[0]);
            }
        }
        throw new IllegalArgumentException("No " + field + " line in " + STATUS);
    }

    public double rssMiB() {
        return rssKiB / 1024.0;
    }

    public double peakMiB() {
        return peakKiB / 1024.0;
    }
}
