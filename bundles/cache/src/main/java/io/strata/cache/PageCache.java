package io.strata.cache;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The worker's page cache: fixed-size pages of UFS files, kept on the worker's tiers and served
 * without touching the UFS. Registered as a service on the worker role only (it references
 * {@code Role} with {@link io.strata.spi.Role#WORKER_TARGET}). All methods are thread-safe.
 *
 * <p>Pages are identified by the Strata path, the {@link FileVersion} of the file and the page's
 * index (page {@code i} holds bytes {@code [i * pageSize(), (i + 1) * pageSize())} of the file).
 */
@ProviderType
public interface PageCache {
    /** The size of every page but the last page of a file, in bytes. */
    int pageSize();

    /**
     * A cached page of this file version, opened for reading; empty on a miss. When the cache holds
     * pages of the path under a DIFFERENT version, all of them are dropped first (never served) and
     * this is a miss. Counts a hit or a miss. Touches LRU.
     *
     * @throws IllegalArgumentException when the page is outside the file version
     */
    Optional<CachedPage> get(String path, FileVersion version, long pageIndex);

    /**
     * {@link #get} for a caller that reads a missing page another way and counts the miss then:
     * counts a hit only, never a miss.
     *
     * @since 1.1.0
     */
    Optional<CachedPage> getIfCached(String path, FileVersion version, long pageIndex);

    /**
     * Stores one page (bytes {@code [0, length)} of {@code data}; {@code length == pageSize()}
     * except for the file's last page). Synchronous and thread-safe; the caller runs it off the
     * request thread. Consults the admission policies; evicts synchronously when the write would
     * exceed the capacity of every tier. Returns whether the page is cached. A page already cached
     * is left alone (returns true). Pages of another version of the path are dropped first.
     *
     * @throws IllegalArgumentException when the page is outside the file version, or {@code length}
     *     is not the page's length
     */
    boolean put(String path, FileVersion version, long pageIndex, byte[] data, int length);

    /**
     * Whether the page is cached under this version, without counting a hit or a miss and without
     * touching LRU (for HIT / MISS / PARTIAL answers and for load jobs that skip cached pages).
     */
    boolean contains(String path, FileVersion version, long pageIndex);

    /** Drops every page of the path. */
    void invalidate(String path);

    /**
     * The paths with cached pages: a weakly consistent view (iteration never fails and sees the
     * paths present when it started, and maybe some added or removed since), for free and
     * clear-stale.
     */
    Set<String> cachedPaths();

    /** What is cached of one path, if anything. */
    Optional<CachedFile> cachedFile(String path);

    /** The tiers, in placement order (level 0 first). */
    List<TierUsage> tiers();
}
