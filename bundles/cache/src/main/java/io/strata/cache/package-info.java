/**
 * The worker's page cache as the read path and the jobs use it: {@link io.strata.cache.PageCache},
 * provided by the cache bundle as a service on the worker role only. The policy SPI that quota,
 * TTL and priority bundles implement is in {@link io.strata.cache.spi}.
 */
@Export
@Version("1.1.0")
package io.strata.cache;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
