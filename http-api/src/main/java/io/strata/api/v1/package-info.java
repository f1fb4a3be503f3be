/**
 * Wire records of Strata's HTTP API, version 1. Shared by the server bundles, the typed client and
 * the CLI; records only, no behaviour.
 */
@Export
@Version("1.0.0")
package io.strata.api.v1;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
