package io.strata.api.v1.nodes;

/** Whether a registered worker is live: its ZooKeeper session holds its liveness node. */
public enum WorkerStatus {
    ONLINE,
    OFFLINE
}
