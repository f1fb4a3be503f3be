package io.strata.cache.internal.store;

import static java.util.Objects.requireNonNull;

import io.strata.cache.TierUsage;
import java.nio.file.Path;

/** One tier at runtime: where its pages are and how full it is. Counters are written under the engine lock. */
final class Tier {
    static final String PAGES = "pages";

    final int level;
    final String name;
    final TierSpec spec;
    final Path pagesRoot;
    final long capacity;
    final long highBytes;
    final long lowBytes;

    volatile long used;
    volatile long pages;
    /** Bytes of writes in flight into this tier. */
    long reserved;

    Tier(int level, TierSpec spec, double high, double low) {
        this.level = level;
        this.spec = requireNonNull(spec, "spec is null");
        this.name = spec.medium() + level;
        this.pagesRoot = spec.directory().resolve(PAGES);
        this.capacity = spec.capacityBytes();
        this.highBytes = (long) Math.floor(capacity * high);
        this.lowBytes = (long) Math.floor(capacity * low);
    }

    /** Whether {@code length} more bytes fit under the capacity (counting writes in flight). */
    boolean hasRoom(long length) {
        return used + reserved + length <= capacity;
    }

    Path directory(FileEntry entry) {
        return pagesRoot.resolve(entry.directory);
    }

    Path pageFile(FileEntry entry, int page, long cachedAtEpochSeconds) {
        return pagesRoot.resolve(entry.directory + "/" + PageFiles.name(page, cachedAtEpochSeconds));
    }

    TierUsage usage() {
        return new TierUsage(name, spec.medium(), level, spec.directory(), capacity, used, pages);
    }
}
