/**
 * What a bundle needs to publish HTTP resources through the kernel's Jakarta REST whiteboard:
 * the description shown by {@code GET /}, the admin-only marker, and the meta-service envelope
 * marker; and {@link io.strata.spi.http.DirectRoute} for the few hot data paths served beside it
 * (since 1.2.0 with {@link io.strata.spi.http.DirectExchange}, answered below the servlet layer
 * without blocking).
 */
@Export
@Version("1.2.0")
package io.strata.spi.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
