package io.strata.cache.internal.store;

import static java.util.Objects.requireNonNull;

import io.strata.cache.FileVersion;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The {@code meta} file of a file directory: the Strata path and the {@link FileVersion} its pages
 * belong to, the page size, the directory's key and when it was made, with a CRC32C. Written once
 * (temporary file, then rename) before the first page of the directory; a directory without a
 * valid meta file is garbage.
 */
record MetaFile(long key, int pageSize, long createdAtMillis, String path, FileVersion version) {
    static final String NAME = "meta";
    private static final long MAGIC = 0x5354524154414d46L; // "STRATAMF"
    private static final int FORMAT = 1;
    private static final int MAX_SIZE = 1 << 20;

    MetaFile {
        requireNonNull(path, "path is null");
        requireNonNull(version, "version is null");
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + path.length() * 3);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(MAGIC);
            out.writeInt(FORMAT);
            out.writeLong(key);
            out.writeInt(pageSize);
            out.writeLong(createdAtMillis);
            writeString(out, path);
            out.writeLong(version.length());
            out.writeBoolean(version.lastModified().isPresent());
            Instant modified = version.lastModified().orElse(Instant.EPOCH);
            out.writeLong(modified.getEpochSecond());
            out.writeInt(modified.getNano());
            out.writeBoolean(version.fingerprint().isPresent());
            writeString(out, version.fingerprint().orElse(""));
            out.flush();
            CRC32C crc = new CRC32C();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode in memory", e);
        }
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** Writes the meta file into {@code directory} (temporary file, then atomic rename). */
    void write(Path directory, String tempName) throws IOException {
        Path temp = directory.resolve(tempName);
        try {
            Files.write(temp, encode());
            Files.move(temp, directory.resolve(NAME), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The meta file of {@code directory}; empty when it is missing, torn or unknown. */
    static Optional<MetaFile> read(Path directory) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(directory.resolve(NAME));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return decode(bytes);
    }

    static Optional<MetaFile> decode(byte[] bytes) {
        if (bytes.length < 16 || bytes.length > MAX_SIZE) {
            return Optional.empty();
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if ((int) crc.getValue() != buffer.getInt(bytes.length - 4)) {
            return Optional.empty();
        }
        try {
            if (buffer.getLong() != MAGIC || buffer.getInt() != FORMAT) {
                return Optional.empty();
            }
            long key = buffer.getLong();
            int pageSize = buffer.getInt();
            long createdAt = buffer.getLong();
            String path = readString(buffer);
            long length = buffer.getLong();
            boolean hasModified = buffer.get() != 0;
            long seconds = buffer.getLong();
            int nanos = buffer.getInt();
            boolean hasFingerprint = buffer.get() != 0;
            String fingerprint = readString(buffer);
            FileVersion version = new FileVersion(
                    length,
                    hasModified ? Optional.of(Instant.ofEpochSecond(seconds, nanos)) : Optional.empty(),
                    hasFingerprint ? Optional.of(fingerprint) : Optional.empty());
            return Optional.of(new MetaFile(key, pageSize, createdAt, path, version));
        } catch (BufferUnderflowException | IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String readString(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining()) {
            throw new IllegalArgumentException("bad string length " + length);
        }
        byte[] utf8 = new byte[length];
        buffer.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
