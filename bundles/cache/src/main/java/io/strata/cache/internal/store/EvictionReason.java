package io.strata.cache.internal.store;

import java.util.Locale;

/** Why pages left the cache; the {@code reason} of the eviction metrics. */
enum EvictionReason {
    /** A write needed room and no tier had it. */
    CAPACITY,
    /** The background evictor brought a tier from its high watermark down to its low one. */
    WATERMARK,
    /** The page outlived its time to live. */
    EXPIRY,
    /** The path was invalidated, or its UFS file changed. */
    INVALIDATION;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
