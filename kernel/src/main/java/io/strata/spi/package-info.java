/**
 * Strata's kernel SPI: the error type every bundle throws and the role services a component can
 * target.
 */
@Export
@Version("1.0.0")
package io.strata.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
