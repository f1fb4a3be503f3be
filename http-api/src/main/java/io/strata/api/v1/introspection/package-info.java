/**
 * Wire records of the introspection calls every node serves at its root: {@code /config},
 * {@code /configs}, {@code /updateConfig}, {@code /version}, {@code /recentStartTime} and
 * {@code /metrics}. Field names are the reference's.
 */
@Export
@Version("1.0.0")
package io.strata.api.v1.introspection;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
