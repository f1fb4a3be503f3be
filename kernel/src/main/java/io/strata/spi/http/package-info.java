/**
 * What a bundle needs to publish HTTP resources through the kernel's Jakarta REST whiteboard:
 * the description shown by {@code GET /}, the admin-only marker, and the meta-service envelope
 * marker; and {@link io.strata.spi.http.DirectRoute} for the few hot data paths served beside it.
 */
@Export
@Version("1.1.0")
package io.strata.spi.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
