package io.strata.spi.ufs;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A file or directory of a UFS.
 *
 * @param path relative to the connector's root, without leading or trailing slash ({@code ""} for
 *     the root)
 * @param directory whether it is a directory (or, on an object store, a common prefix)
 * @param length the file's length in bytes; 0 for a directory
 * @param lastModified when the content last changed, when the store knows it
 * @param fingerprint an opaque value that changes whenever the content does (an object store's
 *     ETag; size and modification time for a file system), when the store has one
 */
public record UfsStatus(
        String path, boolean directory, long length, Optional<Instant> lastModified, Optional<String> fingerprint) {
    public UfsStatus {
        requireNonNull(path, "path is null");
        requireNonNull(lastModified, "lastModified is null");
        requireNonNull(fingerprint, "fingerprint is null");
        UfsPaths.checkRelative(path);
        if (length < 0) {
            throw new IllegalArgumentException("length is negative: " + length);
        }
        if (directory && length != 0) {
            throw new IllegalArgumentException("a directory has length 0: " + path);
        }
    }

    public static UfsStatus file(String path, long length, Instant lastModified, Optional<String> fingerprint) {
        return new UfsStatus(path, false, length, Optional.of(lastModified), fingerprint);
    }

    public static UfsStatus directory(String path, Optional<Instant> lastModified) {
        return new UfsStatus(path, true, 0, lastModified, Optional.empty());
    }

    /** The last segment of the path ({@code ""} for the root). */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
