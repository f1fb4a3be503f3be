package io.strata.api.v1.nodes;

import static java.util.Objects.requireNonNull;

/**
 * One registered worker, as {@code GET /api/v1/nodes} shows it.
 *
 * @param identity {@code worker-<uuid>}, stable across the worker's restarts
 * @param address {@code host:port} of the worker's HTTP server
 * @param status {@code ONLINE} while the worker is live
 */
public record WorkerNode(String identity, String address, WorkerStatus status) {
    public WorkerNode {
        requireNonNull(identity, "identity is null");
        requireNonNull(address, "address is null");
        requireNonNull(status, "status is null");
    }
}
