/**
 * The mount table as other bundles use it: the mount points, resolution of a Strata path to its
 * mount and UFS location, and the shared connector of each mount. Provided by the mount bundle as
 * the {@link io.strata.mount.MountTable} service on every node.
 */
@Export
@Version("1.0.0")
package io.strata.mount;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
