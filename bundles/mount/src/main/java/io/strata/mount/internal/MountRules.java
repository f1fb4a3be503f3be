package io.strata.mount.internal;

import io.strata.mount.MountPoint;
import io.strata.mount.StrataPaths;
import io.strata.spi.StrataException;
import java.util.Collection;

/** When a new mount conflicts with the table (the reference's 409 cases, and nesting). */
final class MountRules {
    private MountRules() {}

    /**
     * @throws StrataException {@code CONFLICT} when the path is mounted already, the UFS is mounted
     *     at another path, or the new mount would be nested inside or contain another one
     */
    static void checkConflicts(MountPoint mount, Collection<MountPoint> table) {
        for (MountPoint existing : table) {
            if (existing.path().equals(mount.path())) {
                throw StrataException.conflict(
                        "Path " + mount.path() + " is already mounted (to " + existing.ufs() + ")");
            }
        }
        for (MountPoint existing : table) {
            if (existing.ufs().equals(mount.ufs())) {
                throw StrataException.conflict(
                        "UFS " + mount.ufs() + " is already mounted at another path: " + existing.path());
            }
        }
        for (MountPoint existing : table) {
            if (StrataPaths.isWithin(mount.path(), existing.path())) {
                throw StrataException.conflict("Mount point " + mount.path() + " would be nested inside mount point "
                        + existing.path() + "; mount points cannot nest");
            }
            if (StrataPaths.isWithin(existing.path(), mount.path())) {
                throw StrataException.conflict("Mount point " + mount.path() + " would contain mount point "
                        + existing.path() + "; mount points cannot nest");
            }
        }
    }
}
