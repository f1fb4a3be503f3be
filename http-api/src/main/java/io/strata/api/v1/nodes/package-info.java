/**
 * Wire records of the worker list ({@code /api/v1/nodes}, the reference's paths, fields and codes)
 * and of the Strata file read headers ({@code /api/v1/file}, {@code /api/v1/worker/file}).
 */
@Export
@Version("1.0.0")
package io.strata.api.v1.nodes;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
