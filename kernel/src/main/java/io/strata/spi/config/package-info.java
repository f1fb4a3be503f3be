/**
 * The node's configuration as one typed catalogue: the kernel's keys and every installed bundle's
 * (from their MetaType descriptions), with current values and live updates of mutable keys.
 */
@Export
@Version("1.0.0")
package io.strata.spi.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
