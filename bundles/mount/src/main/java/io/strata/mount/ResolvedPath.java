package io.strata.mount;

import static java.util.Objects.requireNonNull;

import io.strata.spi.ErrorKind;
import io.strata.spi.StrataException;
import io.strata.spi.ufs.UfsException;
import java.net.URI;

/**
 * Where a Strata path lives.
 *
 * @param path the normalized Strata path
 * @param mount the mount point it is under
 * @param ufsPath the path relative to the mount's UFS root, as a {@link io.strata.spi.ufs.Ufs}
 *     takes it ({@code ""} for the mount point itself)
 * @param ufsUri the full UFS URI of the path
 */
public record ResolvedPath(String path, MountPoint mount, String ufsPath, URI ufsUri) {
    public ResolvedPath {
        requireNonNull(path, "path is null");
        requireNonNull(mount, "mount is null");
        requireNonNull(ufsPath, "ufsPath is null");
        requireNonNull(ufsUri, "ufsUri is null");
    }

    /**
     * A UFS failure on this path in terms of the Strata path, with the HTTP status every caller
     * answers it with: 404 not found, 403 permission denied, 400 invalid request, 503 for a
     * misconfigured mount or a store that is unavailable.
     */
    public StrataException failure(UfsException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> new StrataException(ErrorKind.NOT_FOUND, "No such file or directory: " + path, e);
            case PERMISSION_DENIED ->
                new StrataException(
                        ErrorKind.PERMISSION_DENIED, "Permission denied: " + path + ": " + e.getMessage(), e);
            case INVALID_ARGUMENT ->
                new StrataException(
                        ErrorKind.INVALID_ARGUMENT, "Invalid request for " + path + ": " + e.getMessage(), e);
            case INVALID_CONFIGURATION ->
                new StrataException(
                        ErrorKind.UNAVAILABLE,
                        "Mount point " + mount.path() + " is misconfigured: " + e.getMessage(),
                        e);
            case TRANSIENT, UNAVAILABLE ->
                new StrataException(
                        ErrorKind.UNAVAILABLE, "UFS " + mount.ufs() + " is unavailable: " + e.getMessage(), e);
        };
    }
}
