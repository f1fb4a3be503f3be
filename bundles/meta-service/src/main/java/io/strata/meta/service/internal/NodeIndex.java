package io.strata.meta.service.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The node index: cloud_unique_id → the registered nodes carrying it, over every cluster of every
 * instance. It is a view of the instance records (fed by the store's cache and by the store's own
 * writes), never a source of truth: each instance is applied only when its znode version is newer
 * than the one held.
 */
final class NodeIndex {
    /** A registered node and where it belongs. */
    record NodeRef(String instanceId, String clusterId, String clusterName, Proto.NodeInfo node) {
        NodeRef {
            requireNonNull(instanceId, "instanceId is null");
            requireNonNull(node, "node is null");
        }

        String cloudUniqueId() {
            return node.cloudUniqueId() == null ? "" : node.cloudUniqueId();
        }
    }

    private record Held(int version, List<NodeRef> nodes) {}

    private final Map<String, Held> instances = new HashMap<>();
    private final Map<String, TreeMap<String, List<NodeRef>>> byCloudUniqueId = new HashMap<>();

    /** Takes in an instance record read or written at {@code version}; older versions are ignored. */
    synchronized void apply(Proto.Instance instance, int version) {
        String instanceId = instance.instanceId() == null ? "" : instance.instanceId();
        Held held = instances.get(instanceId);
        if (held != null && held.version() >= version) {
            return;
        }
        unindex(instanceId, held);
        List<NodeRef> nodes = new ArrayList<>();
        for (Proto.Cluster cluster : instance.clusters()) {
            for (Proto.NodeInfo node : cluster.nodes()) {
                nodes.add(new NodeRef(instanceId, cluster.clusterId(), cluster.clusterName(), node));
            }
        }
        instances.put(instanceId, new Held(version, List.copyOf(nodes)));
        for (NodeRef node : nodes) {
            byCloudUniqueId
                    .computeIfAbsent(node.cloudUniqueId(), ignored -> new TreeMap<>())
                    .computeIfAbsent(instanceId, ignored -> new ArrayList<>())
                    .add(node);
        }
    }

    synchronized void remove(String instanceId) {
        unindex(instanceId, instances.remove(instanceId));
    }

    private void unindex(String instanceId, Held held) {
        if (held == null) {
            return;
        }
        for (NodeRef node : held.nodes()) {
            String cloudUniqueId = node.cloudUniqueId();
            TreeMap<String, List<NodeRef>> owners = byCloudUniqueId.get(cloudUniqueId);
            if (owners != null) {
                owners.remove(instanceId);
                if (owners.isEmpty()) {
                    byCloudUniqueId.remove(cloudUniqueId);
                }
            }
        }
    }

    /** Every node with this cloud_unique_id, ordered by instance id, then as registered. */
    synchronized List<NodeRef> lookup(String cloudUniqueId) {
        TreeMap<String, List<NodeRef>> owners = byCloudUniqueId.get(cloudUniqueId);
        if (owners == null) {
            return List.of();
        }
        List<NodeRef> nodes = new ArrayList<>();
        owners.values().forEach(nodes::addAll);
        return List.copyOf(nodes);
    }

    /** The node the id resolves to when several carry it: the last one. */
    Optional<NodeRef> resolve(String cloudUniqueId) {
        List<NodeRef> nodes = lookup(cloudUniqueId);
        return nodes.isEmpty() ? Optional.empty() : Optional.of(nodes.get(nodes.size() - 1));
    }

    synchronized int size() {
        return instances.size();
    }
}
