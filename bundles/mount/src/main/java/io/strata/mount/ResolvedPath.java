package io.strata.mount;

import static java.util.Objects.requireNonNull;

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
}
