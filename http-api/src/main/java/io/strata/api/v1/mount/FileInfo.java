package io.strata.api.v1.mount;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A file or directory seen through a mount ({@code GET /api/v1/fs/status}, entries of
 * {@code GET /api/v1/fs/list}).
 *
 * @param path the Strata path
 * @param ufs the UFS URI it is read from
 * @param directory whether it is a directory (a common prefix on an object store)
 * @param length bytes; 0 for a directory
 * @param lastModifiedMs milliseconds since the epoch; omitted when the store does not know
 * @param fingerprint a value that changes with the content (an ETag, or size and time for a file
 *     system); omitted when the store has none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileInfo(
        String path, String ufs, boolean directory, long length, Long lastModifiedMs, String fingerprint) {
    public FileInfo {
        requireNonNull(path, "path is null");
        requireNonNull(ufs, "ufs is null");
        if (length < 0) {
            throw new IllegalArgumentException("length is negative");
        }
    }
}
