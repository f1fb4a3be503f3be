package io.strata.cache.internal.store;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.strata.cache.FileVersion;

/**
 * One version of one file with pages in the cache (or pages being written): shared by all its
 * pages, so the per-page index holds only the entry's id. An entry lives until its last page goes
 * or the path is invalidated; a new version of the path is a new entry with a new directory key.
 */
final class FileEntry {
    final int id;
    final String path;
    final FileVersion version;
    /** Names the entry's directory in each tier ({@code pages/<2 hex>/<16 hex>}); unique per entry. */
    final long key;
    /** The entry's directory relative to a tier's {@code pages} folder: {@code <2 hex>/<16 hex>}. */
    final String directory;

    final long createdAtMillis;
    final int pageCount;

    /** Written under the engine lock; read without it to fail fast. */
    volatile boolean alive = true;

    // guarded by the engine lock
    int pages;
    long bytes;
    /** Writes reserved and not yet committed or abandoned. */
    int pending;

    int rank;
    /** Time to live of its pages in seconds; negative for none. */
    long ttlSeconds;
    /** No page of the entry was cached before this (engine seconds); lets the expiry scan skip it. */
    int oldestCachedAt = Integer.MAX_VALUE;

    UsageTracker.Counter[] usage;
    int usageGeneration = -1;

    /** Bit per tier whose directory (with its meta file) exists; guarded by this entry's monitor. */
    int tierDirectories;

    FileEntry(
            int id,
            String path,
            FileVersion version,
            long key,
            long createdAtMillis,
            int pageSize,
            int rank,
            long ttlSeconds) {
        this.id = id;
        this.path = requireNonNull(path, "path is null");
        this.version = requireNonNull(version, "version is null");
        this.key = key;
        String hex = format("%016x", key);
        this.directory = hex.substring(0, 2) + "/" + hex;
        this.createdAtMillis = createdAtMillis;
        this.pageCount = (int) Math.min(Integer.MAX_VALUE, version.pageCount(pageSize));
        this.rank = rank;
        this.ttlSeconds = ttlSeconds;
    }

    @Override
    public String toString() {
        return path + "@" + Long.toHexString(key);
    }
}
