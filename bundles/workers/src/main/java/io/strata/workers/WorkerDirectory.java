package io.strata.workers;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The cluster's workers as this node sees them (a view that follows ZooKeeper within a second),
 * provided as a service by the workers bundle on every node.
 */
@ProviderType
public interface WorkerDirectory {
    /** Every registered worker, online or not, sorted by identity. */
    List<Worker> workers();

    Optional<Worker> worker(String identity);

    /** The ring over the online workers: where data belongs now. */
    HashRing ring();

    /** The online worker that owns {@code key} on the {@link #ring()}; empty when none is online. */
    default Optional<Worker> owner(String key) {
        return ring().owner(key).flatMap(this::worker);
    }
}
