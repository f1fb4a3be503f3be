package io.strata.cache.spi;

import java.util.OptionalInt;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The eviction rank of a path's pages: pages of lower rank are evicted before pages of higher rank,
 * least recently used first within a rank. Ranks go from {@value #LOWEST} to {@value #HIGHEST};
 * a path no policy has an opinion on has rank {@value #DEFAULT}. With several opinions the lowest
 * rank wins. A priority bundle maps its levels to ranks, e.g. LOW = {@value #LOW}, MEDIUM =
 * {@value #DEFAULT}, HIGH = {@value #HIGH}.
 *
 * <p>Asked once when a file gets its first page, and again for every cached file when a rank
 * policy comes, goes or changes its {@link CachePolicies#GENERATION} property; so it is a property
 * of the file, not of each page. Must be quick; an exception counts as no opinion and is logged.
 */
@ConsumerType
public interface EvictionRankPolicy {
    int LOWEST = 0;
    int LOW = 4;
    int DEFAULT = 8;
    int HIGH = 12;
    int HIGHEST = 15;

    /** The rank of the path's pages, between {@value #LOWEST} and {@value #HIGHEST}; empty for no opinion. */
    OptionalInt rank(String path);
}
