/**
 * The contract between Strata and its under-file-system (UFS) connectors. A plugin bundle
 * registers a {@link io.strata.spi.ufs.UfsFactory} service naming the URI schemes it serves in the
 * service property {@value io.strata.spi.ufs.UfsFactory#SCHEME_PROPERTY}; the mount table creates
 * one {@link io.strata.spi.ufs.Ufs} per mount from the mount's UFS URI and options. Paths given to
 * a {@code Ufs} are relative to its root, {@code /}-separated, without a leading slash ({@code ""}
 * is the root itself). Failures are {@link io.strata.spi.ufs.UfsException}s with a
 * {@link io.strata.spi.ufs.UfsException.Kind kind} that callers map to HTTP codes and retries.
 */
@Export
@Version("1.1.0")
package io.strata.spi.ufs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
