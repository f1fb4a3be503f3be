package io.strata.meta.service.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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

        /** Whether this is the same node object of a cluster with the same id and name (the ref still holds). */
        boolean holds(Proto.Cluster cluster, Proto.NodeInfo other) {
            return node == other
                    && Objects.equals(clusterId, cluster.clusterId())
                    && Objects.equals(clusterName, cluster.clusterName());
        }

        String cloudUniqueId() {
            return node.cloudUniqueId() == null ? "" : node.cloudUniqueId();
        }
    }

    /**
     * How far ahead in an instance's previous nodes a kept node is looked for (a change adds or
     * removes a few nodes; a record read back from ZooKeeper has no node object in common).
     */
    private static final int LOOKAHEAD = 8;

    /** Past this many changed cloud_unique_ids, an instance is indexed again as a whole. */
    private static final int MAX_TOUCHED = 16;

    private record Held(int version, List<NodeRef> nodes) {}

    private final Map<String, Held> instances = new HashMap<>();
    private final Map<String, TreeMap<String, List<NodeRef>>> byCloudUniqueId = new HashMap<>();

    /**
     * Takes in an instance record read or written at {@code version}; older versions are ignored.
     * A change is applied incrementally: a new version keeps most node objects of the one before (a
     * change copies the nodes it leaves alone), so only the cloud_unique_ids of nodes added, removed
     * or moved to another cluster are indexed again; a record with few nodes in common with the one
     * held (one read from ZooKeeper) is indexed as a whole.
     */
    synchronized void apply(Proto.Instance instance, int version) {
        String instanceId = instance.instanceId() == null ? "" : instance.instanceId();
        Held held = instances.get(instanceId);
        if (held != null && held.version() >= version) {
            return;
        }
        List<NodeRef> previous = held == null ? List.of() : held.nodes();
        List<NodeRef> nodes = new ArrayList<>(previous.size() + 1);
        Set<String> touched = new HashSet<>();
        int next = 0;
        for (Proto.Cluster cluster : instance.clusters()) {
            for (Proto.NodeInfo node : cluster.nodes()) {
                int kept = -1;
                for (int k = next; k < previous.size() && k < next + LOOKAHEAD; k++) {
                    if (previous.get(k).holds(cluster, node)) {
                        kept = k;
                        break;
                    }
                }
                if (kept < 0) {
                    NodeRef added = new NodeRef(instanceId, cluster.clusterId(), cluster.clusterName(), node);
                    nodes.add(added);
                    touched.add(added.cloudUniqueId());
                } else {
                    for (int k = next; k < kept; k++) {
                        touched.add(previous.get(k).cloudUniqueId());
                    }
                    nodes.add(previous.get(kept));
                    next = kept + 1;
                }
            }
        }
        for (int k = next; k < previous.size(); k++) {
            touched.add(previous.get(k).cloudUniqueId());
        }
        List<NodeRef> current = List.copyOf(nodes);
        instances.put(instanceId, new Held(version, current));
        if (touched.size() > MAX_TOUCHED) {
            unindex(instanceId, previous);
            index(instanceId, current);
        } else {
            for (String cloudUniqueId : touched) {
                reindex(instanceId, cloudUniqueId, current);
            }
        }
    }

    synchronized void remove(String instanceId) {
        Held held = instances.remove(instanceId);
        if (held != null) {
            unindex(instanceId, held.nodes());
        }
    }

    private void index(String instanceId, List<NodeRef> nodes) {
        for (NodeRef node : nodes) {
            byCloudUniqueId
                    .computeIfAbsent(node.cloudUniqueId(), ignored -> new TreeMap<>())
                    .computeIfAbsent(instanceId, ignored -> new ArrayList<>())
                    .add(node);
        }
    }

    private void unindex(String instanceId, List<NodeRef> nodes) {
        for (NodeRef node : nodes) {
            TreeMap<String, List<NodeRef>> owners = byCloudUniqueId.get(node.cloudUniqueId());
            if (owners != null) {
                owners.remove(instanceId);
                if (owners.isEmpty()) {
                    byCloudUniqueId.remove(node.cloudUniqueId());
                }
            }
        }
    }

    /** The instance's nodes with one cloud_unique_id, taken again from its nodes (in their order). */
    private void reindex(String instanceId, String cloudUniqueId, List<NodeRef> nodes) {
        List<NodeRef> carrying = new ArrayList<>(1);
        for (NodeRef node : nodes) {
            if (node.cloudUniqueId().equals(cloudUniqueId)) {
                carrying.add(node);
            }
        }
        if (carrying.isEmpty()) {
            TreeMap<String, List<NodeRef>> owners = byCloudUniqueId.get(cloudUniqueId);
            if (owners != null) {
                owners.remove(instanceId);
                if (owners.isEmpty()) {
                    byCloudUniqueId.remove(cloudUniqueId);
                }
            }
        } else {
            byCloudUniqueId
                    .computeIfAbsent(cloudUniqueId, ignored -> new TreeMap<>())
                    .put(instanceId, carrying);
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
