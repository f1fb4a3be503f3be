package io.strata.cache.spi;

import java.util.OptionalInt;
import org.osgi.annotation.versioning.ProviderType;

/** A page the cache is asked to store, and the state of the cache that matters for admitting it. */
@ProviderType
public interface AdmissionRequest {
    /** The Strata path of the file. */
    String path();

    /** The index of the page in the file. */
    long pageIndex();

    /** The page's length in bytes. */
    int length();

    /** The eviction rank the page will have (see {@link EvictionRankPolicy}). */
    int rank();

    /** The lowest rank of any page cached now, on any tier; empty when the cache is empty. */
    OptionalInt lowestCachedRank();

    /** Whether storing the page needs pages evicted first (no tier has room for it). */
    boolean needsEviction();
}
