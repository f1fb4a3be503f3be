package io.strata.workers.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

/** A worker's identity {@code worker-<uuid>}, made once and kept in {@code <data dir>/worker/identity}. */
final class WorkerIdentity {
    static final Pattern FORM = Pattern.compile("worker-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private WorkerIdentity() {}

    static Path file(Path dataDir) {
        return dataDir.resolve("worker").resolve("identity");
    }

    /** The identity kept in the data dir, made (and written there atomically) the first time. */
    static String loadOrCreate(Path dataDir) {
        Path file = file(dataDir);
        try {
            if (Files.exists(file)) {
                String identity = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!FORM.matcher(identity).matches()) {
                    throw new IllegalStateException("The worker identity file " + file + " holds '" + identity
                            + "', not worker-<uuid>; restore it, or delete it to join as a new worker");
                }
                return identity;
            }
            String identity = "worker-" + UUID.randomUUID();
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("identity.tmp");
            try (FileChannel channel = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap((identity + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return identity;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read or write the worker identity " + file + ": " + e.getMessage(), e);
        }
    }
}
