/**
 * Wire records of the mount table ({@code /api/v1/mount}, the reference's paths, fields and codes)
 * and of browsing through mounts ({@code /api/v1/fs/status}, {@code /api/v1/fs/list}, Strata's
 * own). Secret option values read {@code ******} in every answer.
 */
@Export
@Version("1.0.0")
package io.strata.api.v1.mount;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
