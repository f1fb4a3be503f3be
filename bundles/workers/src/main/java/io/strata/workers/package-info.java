/**
 * The cluster's workers as other bundles use them: the {@link io.strata.workers.WorkerDirectory}
 * (every registered worker, which are online, and the hash ring over the online ones), this node's
 * own {@link io.strata.workers.LocalWorker} on the worker role, and the one {@link
 * io.strata.workers.HashRing} implementation that loads, reads, rebalancing and stale-cache checks
 * share, so that data lands where readers look.
 */
@Export
@Version("1.0.0")
package io.strata.workers;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
