/** Naming of metrics that belong to an entity (a route, a mount, a tier) in the shared registry. */
@Export
@Version("1.0.0")
package io.strata.spi.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
