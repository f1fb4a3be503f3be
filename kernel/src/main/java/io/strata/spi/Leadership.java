package io.strata.spi;

import java.net.URI;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Which coordinator leads the cluster, provided by the kernel as a service on coordinators.
 * Leader-only work (job scheduling, quota aggregation) runs while {@link #isLeader()} holds and
 * stops when it stops holding; resource methods marked {@link io.strata.spi.http.LeaderOnly} are
 * answered by a standby with a 307 to the leader.
 */
@ProviderType
public interface Leadership {
    boolean isLeader();

    /** The base URL ({@code http://host:port}) of the current leader, if one is elected. */
    Optional<URI> leaderUrl();
}
