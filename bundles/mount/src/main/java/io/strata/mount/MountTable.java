package io.strata.mount;

import io.strata.spi.StrataException;
import io.strata.spi.ufs.Ufs;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The cluster's mount table as seen by this node (changes made on any coordinator show within a
 * second), provided as a service by the mount bundle on every node.
 */
@ProviderType
public interface MountTable {
    /** The message of a path that is under no mount point, as the reference words it. */
    String NO_MOUNTED_UFS = "No mounted UFS found";

    /** Every mount point, sorted by path. */
    List<MountPoint> mounts();

    /** The mount point at exactly {@code path} (normalized first). */
    Optional<MountPoint> mount(String path);

    /**
     * The mount that {@code path} lies under, and its place in that UFS.
     *
     * @throws StrataException {@code INVALID_ARGUMENT} with {@value #NO_MOUNTED_UFS} when the path
     *     is under no mount point, or when it is not a valid path
     */
    ResolvedPath resolve(String path);

    /**
     * The connector of a mount, shared by every caller: do not close it, and do not keep it
     * beyond the operation at hand (it is closed when the mount goes or its plugin is removed).
     *
     * @throws StrataException {@code UNAVAILABLE} when no installed plugin serves the mount's
     *     scheme, or {@code INVALID_ARGUMENT} when the connector refuses the mount's options
     */
    Ufs ufs(MountPoint mount);
}
