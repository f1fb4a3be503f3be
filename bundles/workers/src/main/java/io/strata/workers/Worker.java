package io.strata.workers;

import static java.util.Objects.requireNonNull;

/**
 * A registered worker.
 *
 * @param identity {@code worker-<uuid>}, kept in the worker's data dir across restarts
 * @param address {@code host:port} of the worker's HTTP server, as it last registered
 * @param online whether its ZooKeeper session holds its liveness node
 * @param capacityBytes the capacity of its cache tiers, as it last published it (0 before)
 */
public record Worker(String identity, String address, boolean online, long capacityBytes) {
    public Worker {
        requireNonNull(identity, "identity is null");
        requireNonNull(address, "address is null");
    }
}
