package io.strata.cache.spi;

import java.time.Duration;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * How long pages of a path stay cached, counted from when each page was cached (so pages of one
 * file cached at different times expire at different times). Which rule applies to a path (most
 * specific wins, say) is the policy's business. With several opinions the shortest wins. An expired
 * page is never served, and the engine removes expired pages on a periodic scan
 * ({@code strata.worker.cache.expiry.check.interval.ms}).
 *
 * <p>Asked once when a file gets its first page, and again for every cached file when an expiry
 * policy comes, goes or changes its {@link CachePolicies#GENERATION} property. Must be quick; an
 * exception counts as no opinion and is logged.
 */
@ConsumerType
public interface ExpiryPolicy {
    /** The time to live of the path's pages; empty for no limit. */
    Optional<Duration> timeToLive(String path);
}
