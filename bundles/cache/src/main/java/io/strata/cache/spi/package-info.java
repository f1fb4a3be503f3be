/**
 * The policy SPI of the worker page cache. Policy bundles (quota, TTL, priority, ...) register
 * implementations of these interfaces as OSGi services; the cache engine tracks them dynamically
 * (several at once, coming and going at runtime) and consults them without any change to the
 * engine. With no policy registered the cache admits every page, evicts in LRU order and never
 * expires pages.
 *
 * <ul>
 *   <li>{@link io.strata.cache.spi.CacheAdmissionPolicy}: may this page be cached? Every policy
 *       must agree.
 *   <li>{@link io.strata.cache.spi.EvictionRankPolicy}: the eviction rank of a path's pages; lower
 *       ranks are evicted first, LRU within a rank. With several opinions the lowest rank wins.
 *   <li>{@link io.strata.cache.spi.ExpiryPolicy}: how long a page of a path stays cached after it
 *       was cached. With several opinions the shortest wins.
 *   <li>{@link io.strata.cache.spi.CacheUsageListener}: the bytes cached under path prefixes.
 * </ul>
 *
 * <p>The engine keeps a file's rank and time to live with the file (not per page). When the answers
 * of a rank or expiry policy change (a rule was added, say), the policy updates one of its service
 * properties, for example {@link io.strata.cache.spi.CachePolicies#GENERATION}; the engine then
 * asks again for every cached file, in the background.
 */
@Export
@Version("1.0.0")
package io.strata.cache.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
