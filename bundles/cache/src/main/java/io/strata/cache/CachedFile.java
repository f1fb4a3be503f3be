package io.strata.cache;

import static java.util.Objects.requireNonNull;

/** What the cache holds of one file: its version, and how many of its pages and bytes are cached. */
public record CachedFile(String path, FileVersion version, long pages, long bytes) {
    public CachedFile {
        requireNonNull(path, "path is null");
        requireNonNull(version, "version is null");
    }
}
