package io.strata.cache;

import static java.util.Objects.requireNonNull;

import io.strata.spi.ufs.UfsStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * Identity of one version of a UFS file; pages of another version are never served. Two versions
 * are the same when length, modification time and fingerprint (an ETag, a checksum) are all equal,
 * so a caller passes what the UFS reports, the same way every time.
 */
public record FileVersion(long length, Optional<Instant> lastModified, Optional<String> fingerprint) {
    public FileVersion {
        if (length < 0) {
            throw new IllegalArgumentException("length is negative: " + length);
        }
        requireNonNull(lastModified, "lastModified is null");
        requireNonNull(fingerprint, "fingerprint is null");
    }

    /**
     * The version of a UFS file as its connector reports it.
     *
     * @throws IllegalArgumentException for a directory
     */
    public static FileVersion of(UfsStatus status) {
        requireNonNull(status, "status is null");
        if (status.directory()) {
            throw new IllegalArgumentException("a directory has no file version: " + status.path());
        }
        return new FileVersion(status.length(), status.lastModified(), status.fingerprint());
    }

    /** The number of pages of this version with pages of {@code pageSize} bytes. */
    public long pageCount(int pageSize) {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize must be positive: " + pageSize);
        }
        return (length + pageSize - 1) / pageSize;
    }

    /** The length of page {@code pageIndex}: {@code pageSize}, except for the last page. */
    public int pageLength(int pageSize, long pageIndex) {
        long count = pageCount(pageSize);
        if (pageIndex < 0 || pageIndex >= count) {
            throw new IllegalArgumentException(
                    "page " + pageIndex + " is outside the file (" + count + " pages of " + pageSize + " bytes)");
        }
        return (int) Math.min(pageSize, length - pageIndex * pageSize);
    }
}
