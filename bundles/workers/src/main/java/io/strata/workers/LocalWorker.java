package io.strata.workers;

import org.osgi.annotation.versioning.ProviderType;

/** This node as a worker: provided by the workers bundle on the worker role only. */
@ProviderType
public interface LocalWorker {
    /** {@code worker-<uuid>}, kept in {@code <data dir>/worker/identity}. */
    String identity();

    /** {@code host:port} other nodes reach this worker at. */
    String address();

    /** Records the capacity of this worker's cache tiers in its registration. */
    void publishCapacity(long capacityBytes);
}
