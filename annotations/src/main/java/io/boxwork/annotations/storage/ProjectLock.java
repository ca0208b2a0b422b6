package io.boxwork.annotations.storage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS-level lock on {@code .boxwork.lock}: released by the kernel when the holder dies, so a
 * crash never leaves a project locked forever.
 */
final class ProjectLock implements AutoCloseable {
    static final String FILE_NAME = ".boxwork.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static ProjectLock acquire(Path projectDir) throws IOException {
        Path file = projectDir.resolve(FILE_NAME);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            l = null;
        }
        if (l == null) {
            String holder = describeHolder(file);
            ch.close();
            throw new ProjectLockedException(projectDir, holder);
        }
        String me = "process " + ManagementFactory.getRuntimeMXBean().getName();
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(false);
        return new ProjectLock(ch, l);
    }

    private static String describeHolder(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).trim();
            return s.isEmpty() ? "unknown process" : s;
        } catch (IOException e) {
            return "unknown process";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
