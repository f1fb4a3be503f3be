package io.strata.cache.internal.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive lock of a tier directory ({@code .lock}, an OS file lock), so one process at a
 * time uses it. The lock file holds a description of the owner for the error of the next one.
 */
final class TierLock implements Closeable {
    static final String NAME = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private TierLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code directory} (which must exist).
     *
     * @throws IllegalStateException when another process (or another cache in this process) holds it
     */
    static TierLock acquire(Path directory, String owner) throws IOException {
        Path file = directory.resolve(NAME);
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new IllegalStateException("Cache tier directory " + directory + " is in use by another Strata process"
                    + (holder.isEmpty() ? "" : " (" + holder + ")")
                    + "; every node needs tier directories of its own (strata.worker.cache.tiers)");
        }
        channel.truncate(0);
        ByteBuffer description = ByteBuffer.wrap((owner + "\n").getBytes(StandardCharsets.UTF_8));
        while (description.hasRemaining()) {
            channel.write(description, description.position());
        }
        return new TierLock(channel, lock);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(512);
            channel.read(buffer, 0);
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
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
