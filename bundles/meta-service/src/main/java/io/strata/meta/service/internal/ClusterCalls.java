package io.strata.meta.service.internal;

import static io.strata.meta.service.internal.Support.isEmpty;
import static io.strata.meta.service.internal.Support.isTrue;
import static io.strata.meta.service.internal.Support.text;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The alter_cluster family (clusters, nodes, status), get_cluster and get_cluster_status. */
final class ClusterCalls {
    private static final Pattern CLUSTER_NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_]*$");
    private static final String CACHE_HELP = "Ms nodes memory cache may be inconsistent, pls check registry key"
            + " may be contain 127.0.0.1, and call get_instance api get instance info from fdb";
    private static final String DROP_HELP = " help Msg=" + CACHE_HELP;
    private static final Set<List<Proto.ClusterStatus>> STATUS_TRANSITIONS = Set.of(
            List.of(Proto.ClusterStatus.UNKNOWN, Proto.ClusterStatus.NORMAL),
            List.of(Proto.ClusterStatus.NORMAL, Proto.ClusterStatus.SUSPENDED),
            List.of(Proto.ClusterStatus.SUSPENDED, Proto.ClusterStatus.TO_RESUME),
            List.of(Proto.ClusterStatus.TO_RESUME, Proto.ClusterStatus.NORMAL),
            List.of(Proto.ClusterStatus.SUSPENDED, Proto.ClusterStatus.NORMAL),
            List.of(Proto.ClusterStatus.NORMAL, Proto.ClusterStatus.MANUAL_SHUTDOWN),
            List.of(Proto.ClusterStatus.MANUAL_SHUTDOWN, Proto.ClusterStatus.NORMAL));

    private final Support support;

    ClusterCalls(Support support) {
        this.support = requireNonNull(support, "support is null");
    }

    /** Runs one alter_cluster operation; {@code op} comes from the path. */
    void alterCluster(Proto.AlterClusterRequest request, Proto.ClusterOp op) {
        String instanceId = text(request.instanceId());
        String cloudUniqueId = text(request.cloudUniqueId());
        if (!cloudUniqueId.isEmpty() && instanceId.isEmpty()) {
            instanceId = support.resolveInstanceId(cloudUniqueId);
            if (instanceId.isEmpty()) {
                if (!Support.degradedInstanceId(cloudUniqueId).isEmpty()) {
                    throw MetaServiceException.invalid(
                            "use degrade cloud_unique_id, but instance_id invalid, cloud_unique_id=" + cloudUniqueId);
                }
                throw MetaServiceException.invalid("empty instance_id");
            }
        }
        Proto.Cluster cluster = request.cluster();
        if (instanceId.isEmpty() || cluster == null) {
            throw MetaServiceException.invalid("invalid request instance_id or cluster not given");
        }
        switch (op) {
            case ADD_CLUSTER -> addCluster(instanceId, cluster);
            case DROP_CLUSTER -> dropCluster(instanceId, cluster);
            case RENAME_CLUSTER ->
                updateCluster(instanceId, cluster, (instance, current) -> rename(instance, current, cluster, request));
            case SET_CLUSTER_STATUS ->
                updateCluster(instanceId, cluster, (instance, current) -> setStatus(instance, current, cluster));
            case UPDATE_CLUSTER_MYSQL_USER_NAME ->
                updateCluster(
                        instanceId,
                        cluster,
                        (instance, current) ->
                                replace(instance, current, current.withMysqlUserName(cluster.mysqlUserName())));
            case UPDATE_CLUSTER_ENDPOINT ->
                updateCluster(instanceId, cluster, (instance, current) -> {
                    if (isEmpty(cluster.privateEndpoint())) {
                        throw new MetaServiceException(
                                MetaServiceCode.CLUSTER_ENDPOINT_MISSING, "missing private endpoint");
                    }
                    return replace(
                            instance,
                            current,
                            current.withPublicEndpoint(text(cluster.publicEndpoint()))
                                    .withPrivateEndpoint(cluster.privateEndpoint()));
                });
            case ADD_NODE -> addNodes(instanceId, cluster);
            case DROP_NODE -> dropNodes(text(request.instanceId()), instanceId, cluster);
            case DECOMMISSION_NODE -> markNodes(instanceId, cluster, Proto.NodeStatus.NODE_STATUS_DECOMMISSIONING);
            case NOTIFY_DECOMMISSIONED -> markNodes(instanceId, cluster, Proto.NodeStatus.NODE_STATUS_DECOMMISSIONED);
            case ALTER_VCLUSTER_INFO ->
                updateCluster(
                        instanceId, cluster, (instance, current) -> alterVirtualCluster(instance, current, cluster));
            case UNKNOWN, ALTER_PROPERTIES ->
                throw MetaServiceException.invalid("invalid request op, op=" + op.number());
        }
    }

    // ----------------------------------------------------------------------------------- checks

    /**
     * The reference's check_cluster_params_valid: type, name, nodes, SQL master/follower count, and
     * the virtual-cluster arguments. Returns the cluster as it is to be kept (a virtual cluster's
     * policy gets its default thresholds).
     */
    private Proto.Cluster checkClusterParams(Proto.Cluster cluster, boolean checkMasterCount, boolean requireName) {
        if (cluster.type() == null) {
            throw MetaServiceException.invalid("cluster must have type arg");
        }
        if (requireName && isEmpty(cluster.clusterName())) {
            throw MetaServiceException.invalid("not have cluster name");
        }
        if (support.settings().clusterNameCheck()
                && cluster.clusterName() != null
                && !CLUSTER_NAME.matcher(cluster.clusterName()).matches()) {
            throw MetaServiceException.invalid("cluster name not regex with ^[a-zA-Z][a-zA-Z0-9_]*$, please check it");
        }
        for (Proto.NodeInfo node : cluster.nodes()) {
            String degraded = Support.degradedInstanceId(text(node.cloudUniqueId()));
            if (!degraded.isEmpty()
                    && support.settings().instanceIdCheck()
                    && !support.store().exists(degraded)) {
                throw MetaServiceException.invalid("node=" + TextFormat.debugString(node)
                        + " cloud_unique_id use degrade format, but check instance failed");
            }
        }
        if (checkMasterCount && cluster.type() == Proto.ClusterType.SQL) {
            int masters = 0;
            int followers = 0;
            for (Proto.NodeInfo node : cluster.nodes()) {
                if (node.editLogPort() == null || node.editLogPort() == 0 || node.nodeType() == null) {
                    continue;
                }
                switch (node.nodeType()) {
                    case FE_MASTER -> masters++;
                    case FE_FOLLOWER -> followers++;
                    case FE_OBSERVER, UNKNOWN -> {}
                }
            }
            if (masters > 0 && followers > 0) {
                throw MetaServiceException.invalid(
                        "cluster is SQL type, and use multi follower mode, cant set master node, master count: "
                                + masters + " follower count: " + followers);
            }
            if (followers == 0 && masters != 1) {
                throw MetaServiceException.invalid(
                        "cluster is SQL type, must have only one master node, now master count: " + masters);
            }
        }
        return cluster.type() == Proto.ClusterType.VIRTUAL ? checkVirtualCluster(cluster) : cluster;
    }

    /**
     * The reference's validate_virtual_cluster: a virtual cluster (compute group) has no nodes, users,
     * endpoints or status of its own; it names exactly two sub-clusters together with an
     * active/standby policy, or neither. Returns the cluster with the policy's default thresholds
     * (3 failures, 100 percent) filled in.
     */
    static Proto.Cluster checkVirtualCluster(Proto.Cluster cluster) {
        if (!cluster.nodes().isEmpty()
                || !cluster.mysqlUserName().isEmpty()
                || cluster.publicEndpoint() != null
                || cluster.privateEndpoint() != null
                || cluster.clusterStatus() != null) {
            throw MetaServiceException.invalid("Inconsistent virtual cluster args");
        }
        Proto.ClusterPolicy policy = cluster.clusterPolicy();
        if (cluster.clusterNames().isEmpty() != (policy == null)) {
            throw MetaServiceException.invalid(
                    "subcgs and policy must be Incoming at the same time or do not transmit at the same time");
        }
        if (!cluster.clusterNames().isEmpty()) {
            if (cluster.clusterNames().size() != 2) {
                throw MetaServiceException.invalid("Currently, just support two sub clusters");
            }
            for (String name : cluster.clusterNames()) {
                if (name == null || !CLUSTER_NAME.matcher(name).matches()) {
                    throw MetaServiceException.invalid(
                            "cluster name " + text(name) + " does not match regex ^[a-zA-Z][a-zA-Z0-9_]*$");
                }
            }
        }
        if (policy == null) {
            return cluster;
        }
        // ActiveStandby is the only policy type there is; an unknown type name leaves it unset
        if (policy.type() == null) {
            throw MetaServiceException.invalid("plz set cluster policy type, use virtual cluster policy");
        }
        String active = text(policy.activeClusterName());
        if (active.isEmpty() != policy.standbyClusterNames().isEmpty()) {
            throw MetaServiceException.invalid("Inconsistent cluster policy: active_cluster_name must be set if"
                    + " standby_cluster_names are present, and vice versa.");
        }
        if (active.isEmpty() || !cluster.clusterNames().contains(active)) {
            throw MetaServiceException.invalid("active_cluster_name must not be empty and must be in cluster_names");
        }
        for (String standby : policy.standbyClusterNames()) {
            if (!cluster.clusterNames().contains(standby)) {
                throw MetaServiceException.invalid(
                        "standby_cluster_name " + text(standby) + " must be in cluster_names");
            }
            if (standby.equals(active)) {
                throw MetaServiceException.invalid("active_cluster_name is same of standby_cluster_name");
            }
        }
        if (policy.failoverFailureThreshold() == null) {
            policy = policy.withFailoverFailureThreshold(3L);
        }
        if (policy.unhealthyNodeThresholdPercent() == null) {
            policy = policy.withUnhealthyNodeThresholdPercent(100L);
        }
        if (policy.failoverFailureThreshold() <= 0) {
            throw MetaServiceException.invalid(
                    "failover_failure_threshold must be greater than 0 and less than max(int64)");
        }
        if (policy.unhealthyNodeThresholdPercent() <= 0 || policy.unhealthyNodeThresholdPercent() > 100) {
            throw MetaServiceException.invalid(
                    "unhealthy_node_threshold_percent must be greater than 0 and less than or equal to 100");
        }
        return cluster.withClusterPolicy(policy);
    }

    /**
     * The reference's validate_sub_clusters: each named sub-cluster exists in {@code clusters}, is a
     * COMPUTE cluster, and belongs to no virtual cluster among {@code clusters}.
     */
    private static void checkSubClusters(List<String> names, List<Proto.Cluster> clusters) {
        for (String name : names) {
            Proto.Cluster found = clusters.stream()
                    .filter(cluster -> name.equals(text(cluster.clusterName())))
                    .findFirst()
                    .orElseThrow(() -> MetaServiceException.invalid("sub cluster " + name
                            + " not been added in instance, plz add it before create virtual cluster"));
            if (found.type() != Proto.ClusterType.COMPUTE) {
                throw MetaServiceException.invalid("sub cluster " + name + " 's type must be eq COMPUTE");
            }
            for (Proto.Cluster other : clusters) {
                if (other.type() == Proto.ClusterType.VIRTUAL
                        && other.clusterNames().contains(name)) {
                    throw MetaServiceException.invalid(
                            "sub cluster " + name + " has been add by other vcg=" + text(other.clusterName()));
                }
            }
        }
    }

    /**
     * alter_vcluster_info: replaces the sub-clusters when some are given, merges the given policy
     * fields into the current policy (one standby at most), then checks the result as add_cluster
     * checks a virtual cluster. Sub-clusters are checked against the instance's other clusters.
     */
    private static Proto.Instance alterVirtualCluster(
            Proto.Instance instance, Proto.Cluster current, Proto.Cluster request) {
        List<Proto.Cluster> others = instance.clusters().stream()
                .filter(cluster -> !text(cluster.clusterName()).equals(text(current.clusterName())))
                .toList();
        Proto.Cluster altered = current;
        if (!request.clusterNames().isEmpty()) {
            for (String name : request.clusterNames()) {
                checkSubClusters(List.of(text(name)), others);
            }
            altered = altered.withClusterNames(request.clusterNames());
        }
        Proto.ClusterPolicy given = request.clusterPolicy();
        if (given != null) {
            Proto.ClusterPolicy policy =
                    current.clusterPolicy() == null ? Proto.ClusterPolicy.empty() : current.clusterPolicy();
            if (given.activeClusterName() != null) {
                checkSubClusters(List.of(given.activeClusterName()), others);
                policy = policy.withActiveClusterName(given.activeClusterName());
            }
            if (!given.standbyClusterNames().isEmpty()) {
                // one standby only: the first one given
                String standby = text(given.standbyClusterNames().get(0));
                checkSubClusters(List.of(standby), others);
                policy = policy.withStandbyClusterNames(List.of(standby));
            }
            if (given.type() != null) {
                policy = policy.withType(given.type());
            }
            if (given.failoverFailureThreshold() != null) {
                policy = policy.withFailoverFailureThreshold(given.failoverFailureThreshold());
            }
            if (given.unhealthyNodeThresholdPercent() != null) {
                policy = policy.withUnhealthyNodeThresholdPercent(given.unhealthyNodeThresholdPercent());
            }
            if (!given.cacheWarmupJobids().isEmpty()) {
                policy = policy.withCacheWarmupJobids(given.cacheWarmupJobids());
            }
            altered = altered.withClusterPolicy(policy);
        }
        return replace(instance, current, checkVirtualCluster(altered));
    }

    /** A node whose cloud_unique_id is registered under another instance; {@code code} decides 409 or 400. */
    private void checkOccupancy(String instanceId, List<Proto.NodeInfo> nodes, MetaServiceCode code) {
        for (Proto.NodeInfo node : nodes) {
            String cloudUniqueId = text(node.cloudUniqueId());
            for (NodeIndex.NodeRef owner : support.index().lookup(cloudUniqueId)) {
                if (!owner.instanceId().equals(instanceId)) {
                    throw new MetaServiceException(
                            code,
                            "cloud_unique_id is already occupied by an instance, instance_id=" + owner.instanceId()
                                    + " cluster_name=" + text(owner.clusterName()) + " cluster_id="
                                    + text(owner.clusterId())
                                    + " cloud_unique_id=" + cloudUniqueId);
                }
            }
        }
    }

    /** The reference's node address: the host when one is set, else the ip. */
    private static String address(Proto.NodeInfo node) {
        return node.host() != null ? node.host() : text(node.ip());
    }

    private static int port(Integer port) {
        return port == null ? 0 : port;
    }

    /** The port an endpoint of a cluster of this type is registered under: edit log port for SQL, heartbeat port for COMPUTE. */
    private static int endpointPort(Proto.ClusterType type, Proto.NodeInfo node) {
        return port(type == Proto.ClusterType.SQL ? node.editLogPort() : node.heartbeatPort());
    }

    /** Whether a node of a {@code type} cluster of the instance, or one of {@code added}, has this endpoint. */
    private static boolean registered(
            Proto.Instance instance, Proto.ClusterType type, String address, int port, List<Proto.NodeInfo> added) {
        for (Proto.Cluster cluster : instance.clusters()) {
            if (cluster.type() != type) {
                continue;
            }
            for (Proto.NodeInfo node : cluster.nodes()) {
                if (endpointPort(type, node) == port && address(node).equals(address)) {
                    return true;
                }
            }
        }
        for (Proto.NodeInfo node : added) {
            if (endpointPort(type, node) == port && address(node).equals(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Refuses nodes whose endpoint is already registered in the instance (COMPUTE nodes by heartbeat
     * port, SQL nodes by edit log port), or given twice. A scan, no sets: a call adds few nodes.
     */
    private static void checkEndpoints(Proto.Instance instance, Proto.Cluster cluster, MetaServiceCode code) {
        List<Proto.NodeInfo> nodes = cluster.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Proto.NodeInfo node = nodes.get(i);
            String address = address(node);
            if (address.isEmpty()
                    || (cluster.type() != Proto.ClusterType.COMPUTE && cluster.type() != Proto.ClusterType.SQL)) {
                throw MetaServiceException.invalid(
                        "add node input args node invalid, cluster=" + ProtoJson.compact(node));
            }
            int port = endpointPort(cluster.type(), node);
            if (registered(instance, cluster.type(), address, port, nodes.subList(0, i))) {
                String endpoint = address + ":" + port;
                throw new MetaServiceException(
                        code,
                        cluster.type() == Proto.ClusterType.COMPUTE
                                ? "compute node endpoint has been added, registered be node=" + endpoint
                                : "sql node endpoint has been added, registered fe node=" + endpoint);
            }
        }
    }

    private static void checkNotDeleted(Proto.Instance instance, MetaServiceCode code) {
        if (instance.status() == Proto.InstanceStatus.DELETED) {
            throw new MetaServiceException(code, Support.DELETED_MESSAGE);
        }
    }

    // ------------------------------------------------------------------------------- clusters

    private void addCluster(String instanceId, Proto.Cluster request) {
        Proto.Cluster cluster = checkClusterParams(request, true, true);
        checkOccupancy(instanceId, cluster.nodes(), MetaServiceCode.ALREADY_EXISTED);
        support.store()
                .update(
                        instanceId,
                        document -> {
                            Proto.Instance instance = document.instance();
                            checkNotDeleted(instance, MetaServiceCode.CLUSTER_NOT_FOUND);
                            for (Proto.Cluster existing : instance.clusters()) {
                                if (Objects.equals(text(existing.clusterId()), text(cluster.clusterId()))) {
                                    throw new MetaServiceException(
                                            MetaServiceCode.ALREADY_EXISTED,
                                            "try to add a existing cluster id, existing_cluster_id="
                                                    + text(existing.clusterId()));
                                }
                                if (Objects.equals(text(existing.clusterName()), text(cluster.clusterName()))) {
                                    throw new MetaServiceException(
                                            MetaServiceCode.ALREADY_EXISTED,
                                            "try to add a existing cluster name, existing_cluster_name="
                                                    + text(existing.clusterName()));
                                }
                            }
                            checkEndpoints(instance, cluster, MetaServiceCode.ALREADY_EXISTED);
                            if (cluster.type() == Proto.ClusterType.VIRTUAL) {
                                checkSubClusters(cluster.clusterNames(), instance.clusters());
                            }
                            long now = support.now();
                            Proto.Cluster added = cluster.withNodes(cluster.nodes().stream()
                                            .map(node -> node.withCtime(now).withMtime(now))
                                            .toList())
                                    .withCtime(now)
                                    .withMtime(now);
                            if (cluster.type() == Proto.ClusterType.COMPUTE) {
                                added = added.withClusterStatus(Proto.ClusterStatus.NORMAL);
                            }
                            List<Proto.Cluster> clusters = new ArrayList<>(instance.clusters());
                            clusters.add(added);
                            return document.withInstance(instance.withClusters(clusters));
                        },
                        () -> new MetaServiceException(
                                MetaServiceCode.KV_TXN_GET_ERR,
                                "failed to get instance, info failed to get instance, instance_id=" + instanceId
                                        + " err=KeyNotFound"));
    }

    private void dropCluster(String instanceId, Proto.Cluster cluster) {
        if (isEmpty(cluster.clusterId())) {
            throw MetaServiceException.invalid("missing cluster_id=" + text(cluster.clusterId()));
        }
        support.store()
                .update(
                        instanceId,
                        document -> {
                            Proto.Instance instance = document.instance();
                            checkNotDeleted(instance, MetaServiceCode.CLUSTER_NOT_FOUND);
                            Proto.Cluster found = instance.clusters().stream()
                                    .filter(existing -> cluster.clusterId().equals(existing.clusterId()))
                                    .findFirst()
                                    .orElseThrow(() -> new MetaServiceException(
                                            MetaServiceCode.CLUSTER_NOT_FOUND,
                                            "failed to find cluster to drop, instance_id=" + instanceId + " cluster_id="
                                                    + cluster.clusterId() + " cluster_name="
                                                    + text(cluster.clusterName()) + DROP_HELP));
                            if (found.type() == Proto.ClusterType.SQL
                                    && support.settings().feDropSafeTimeCheck()
                                    && found.nodes().stream().anyMatch(this::inSafeWindow)) {
                                throw new MetaServiceException(
                                        MetaServiceCode.CLUSTER_NOT_FOUND,
                                        "drop fe cluster not in safe time, try later, cluster="
                                                + TextFormat.debugString(found));
                            }
                            for (Proto.Cluster other : instance.clusters()) {
                                if (other.type() == Proto.ClusterType.VIRTUAL
                                        && other.clusterNames().contains(text(found.clusterName()))) {
                                    throw new MetaServiceException(
                                            MetaServiceCode.ALREADY_EXISTED,
                                            "failed to drop cluster, this cluster owned by virtual cluster="
                                                    + text(other.clusterName())
                                                    + " if you want drop this cluster, please drop virtual cluster="
                                                    + text(other.clusterName()) + " firstly");
                                }
                            }
                            List<Proto.Cluster> clusters = new ArrayList<>(instance.clusters());
                            clusters.remove(found);
                            return document.withInstance(instance.withClusters(clusters));
                        },
                        () -> new MetaServiceException(
                                MetaServiceCode.CLUSTER_NOT_FOUND,
                                "failed to get instance, instance_id=" + instanceId + " err=KeyNotFound"));
    }

    private boolean inSafeWindow(Proto.NodeInfo node) {
        long ctime = node.ctime() == null ? 0 : node.ctime();
        return support.now() - ctime < support.settings().feDropSafeTime().toSeconds();
    }

    @FunctionalInterface
    private interface ClusterUpdate {
        /** The instance after changing {@code cluster} (found by id) in it. */
        Proto.Instance apply(Proto.Instance instance, Proto.Cluster cluster);
    }

    /** The reference's update_cluster: find the cluster by id and change it; every failure is 400. */
    private void updateCluster(String instanceId, Proto.Cluster request, ClusterUpdate update) {
        if (isEmpty(request.clusterId())) {
            throw MetaServiceException.invalid("missing cluster_id=" + text(request.clusterId()));
        }
        support.store()
                .update(
                        instanceId,
                        document -> {
                            Proto.Instance instance = document.instance();
                            checkNotDeleted(instance, MetaServiceCode.INVALID_ARGUMENT);
                            Proto.Cluster found = instance.clusters().stream()
                                    .filter(existing -> request.clusterId().equals(existing.clusterId()))
                                    .findFirst()
                                    .orElseThrow(() -> MetaServiceException.invalid(
                                            "failed to find cluster to update, instance_id=" + instanceId
                                                    + " cluster_id=" + request.clusterId() + " cluster_name="
                                                    + text(request.clusterName())));
                            return document.withInstance(update.apply(instance, found));
                        },
                        () -> MetaServiceException.invalid(
                                "failed to get instance, instance_id=" + instanceId + " err=KeyNotFound"));
    }

    private static Proto.Instance replace(Proto.Instance instance, Proto.Cluster current, Proto.Cluster replacement) {
        return instance.withClusters(instance.clusters().stream()
                .map(cluster -> cluster == current ? replacement : cluster)
                .toList());
    }

    private static Proto.Instance rename(
            Proto.Instance instance, Proto.Cluster current, Proto.Cluster request, Proto.AlterClusterRequest alter) {
        String target = text(request.clusterName());
        Optional<Proto.Cluster> sameName = instance.clusters().stream()
                .filter(cluster -> target.equals(text(cluster.clusterName())))
                .findFirst();
        Proto.Instance base = instance;
        if (sameName.isPresent()) {
            Proto.Cluster holder = sameName.get();
            if (isTrue(alter.replaceIfExistingEmptyTargetCluster())
                    && holder != current
                    && holder.nodes().isEmpty()) {
                List<Proto.Cluster> clusters = new ArrayList<>(instance.clusters());
                clusters.remove(holder);
                base = instance.withClusters(clusters);
            } else {
                throw MetaServiceException.invalid(
                        "failed to rename cluster, a cluster with the same name already exists in this instance "
                                + ProtoJson.compact(current));
            }
        }
        return replace(base, current, current.withClusterName(target));
    }

    private static Proto.Instance setStatus(Proto.Instance instance, Proto.Cluster current, Proto.Cluster request) {
        if (current.type() != Proto.ClusterType.COMPUTE) {
            throw MetaServiceException.invalid("just support set COMPUTE cluster status");
        }
        Proto.ClusterStatus from =
                current.clusterStatus() == null ? Proto.ClusterStatus.UNKNOWN : current.clusterStatus();
        Proto.ClusterStatus to =
                request.clusterStatus() == null ? Proto.ClusterStatus.UNKNOWN : request.clusterStatus();
        if (from == to) {
            throw MetaServiceException.invalid(
                    "failed to set cluster status, status eq original status, original cluster is " + from);
        }
        if (!STATUS_TRANSITIONS.contains(List.of(from, to))) {
            throw MetaServiceException.invalid(
                    "failed to set cluster status, original cluster is " + from + " and want set " + to);
        }
        return replace(instance, current, current.withClusterStatus(to));
    }

    // ---------------------------------------------------------------------------------- nodes

    private void addNodes(String instanceId, Proto.Cluster cluster) {
        checkClusterParams(cluster, false, false);
        if (cluster.nodes().isEmpty()) {
            throw MetaServiceException.invalid("to_add and to_del both empty or both not empty");
        }
        support.store()
                .update(
                        instanceId,
                        document -> {
                            Proto.Instance instance = document.instance();
                            checkNotDeleted(instance, MetaServiceCode.INVALID_ARGUMENT);
                            checkEndpoints(instance, cluster, MetaServiceCode.INVALID_ARGUMENT);
                            checkOccupancy(instanceId, cluster.nodes(), MetaServiceCode.INVALID_ARGUMENT);
                            Optional<Proto.Cluster> target = instance.clusters().stream()
                                    .filter(existing -> (!isEmpty(cluster.clusterName())
                                                    && cluster.clusterName().equals(existing.clusterName()))
                                            || (!isEmpty(cluster.clusterId())
                                                    && cluster.clusterId().equals(existing.clusterId())))
                                    .findFirst();
                            if (target.isEmpty()) {
                                // the reference answers OK and changes nothing
                                return document;
                            }
                            long now = support.now();
                            List<Proto.NodeInfo> nodes =
                                    new ArrayList<>(target.get().nodes());
                            for (Proto.NodeInfo node : cluster.nodes()) {
                                nodes.add(node.withStatus(Proto.NodeStatus.NODE_STATUS_RUNNING)
                                        .withCtime(now)
                                        .withMtime(now));
                            }
                            Proto.Instance updated =
                                    replace(instance, target.get(), target.get().withNodes(nodes));
                            checkInstanceValid(updated);
                            return document.withInstance(updated);
                        },
                        () -> MetaServiceException.invalid(
                                "failed to get instance, instance_id=" + instanceId + " err=KeyNotFound"));
    }

    /**
     * drop_node, in the reference's order: each requested node must be in the node index under its
     * cloud_unique_id with the same endpoint, then it is removed from every cluster of the instance
     * named by the request's cluster_name or cluster_id (where it must be). No such cluster: nothing
     * changes.
     */
    private void dropNodes(String requestInstanceId, String instanceId, Proto.Cluster cluster) {
        checkClusterParams(cluster, false, false);
        if (cluster.nodes().isEmpty()) {
            throw MetaServiceException.invalid("to_add and to_del both empty or both not empty");
        }
        support.store()
                .update(
                        instanceId,
                        document -> {
                            Proto.Instance instance = document.instance();
                            checkNotDeleted(instance, MetaServiceCode.INVALID_ARGUMENT);
                            Proto.Instance updated = instance;
                            for (Proto.NodeInfo requested : cluster.nodes()) {
                                checkNodeToDrop(requestInstanceId, cluster, requested);
                                updated = dropNode(updated, cluster, requested);
                            }
                            checkInstanceValid(updated);
                            return document.withInstance(updated);
                        },
                        () -> MetaServiceException.invalid(
                                "failed to get instance, instance_id=" + instanceId + " err=KeyNotFound"));
    }

    /** The node index knows the node: its cloud_unique_id, with the same endpoint. */
    private void checkNodeToDrop(String requestInstanceId, Proto.Cluster request, Proto.NodeInfo requested) {
        String cloudUniqueId = text(requested.cloudUniqueId());
        String where = " instance_id=" + requestInstanceId + " cluster_name=" + text(request.clusterName())
                + " cluster_id=" + text(request.clusterId());
        List<NodeIndex.NodeRef> registered = support.index().lookup(cloudUniqueId);
        if (registered.isEmpty()) {
            throw nodeNotFound("can not find to drop nodes by cloud_unique_id=" + cloudUniqueId + where + DROP_HELP);
        }
        if (registered.stream().noneMatch(owner -> sameEndpoint(owner.node(), requested))) {
            throw nodeNotFound("cloud_unique_id can not find to drop node," + where + " node_info="
                    + TextFormat.debugString(requested) + DROP_HELP);
        }
    }

    /** drop_node's "not found" answers are 404 (the reference maps every such drop_node message so). */
    private static MetaServiceException nodeNotFound(String message) {
        return new MetaServiceException(MetaServiceCode.CLUSTER_NOT_FOUND, "not found ," + message);
    }

    /** Removes the requested node from every cluster the request names (by name or id). */
    private Proto.Instance dropNode(Proto.Instance instance, Proto.Cluster request, Proto.NodeInfo requested) {
        String cloudUniqueId = text(requested.cloudUniqueId());
        Proto.Instance updated = instance;
        for (int i = 0; i < updated.clusters().size(); i++) {
            Proto.Cluster cluster = updated.clusters().get(i);
            boolean named = (cluster.clusterName() != null
                            && cluster.clusterName().equals(text(request.clusterName())))
                    || (cluster.clusterId() != null && cluster.clusterId().equals(text(request.clusterId())));
            if (!named) {
                continue;
            }
            Proto.Instance current = updated;
            Proto.NodeInfo found = cluster.nodes().stream()
                    .filter(node -> cloudUniqueId.equals(text(node.cloudUniqueId())) && sameEndpoint(node, requested))
                    .findFirst()
                    .orElseThrow(() -> nodeNotFound("failed to find node to drop, instance_id="
                            + text(current.instanceId()) + " cluster_id=" + text(cluster.clusterId())
                            + " cluster_name=" + text(cluster.clusterName()) + " cluster="
                            + ProtoJson.compact(cluster) + " help Msg =" + CACHE_HELP));
            if (cluster.type() == Proto.ClusterType.SQL
                    && support.settings().feDropSafeTimeCheck()
                    && inSafeWindow(found)) {
                throw MetaServiceException.invalid(
                        "drop fe node not in safe time, try later, node=" + TextFormat.debugString(found));
            }
            List<Proto.NodeInfo> nodes = new ArrayList<>(cluster.nodes());
            nodes.remove(found);
            updated = replace(updated, cluster, cluster.withNodes(nodes));
        }
        return updated;
    }

    /** The reference's endpoint match: ip:port when both have an ip, or host:port when both have a host; the port is the heartbeat port if set, else the edit log port. */
    private static boolean sameEndpoint(Proto.NodeInfo registered, Proto.NodeInfo requested) {
        if (registered.ip() != null
                && requested.ip() != null
                && (registered.ip() + ":" + dropPort(registered)).equals(requested.ip() + ":" + dropPort(requested))) {
            return true;
        }
        return registered.host() != null
                && requested.host() != null
                && (registered.host() + ":" + dropPort(registered))
                        .equals(requested.host() + ":" + dropPort(requested));
    }

    private static int dropPort(Proto.NodeInfo node) {
        return node.heartbeatPort() != null ? node.heartbeatPort() : port(node.editLogPort());
    }

    /** The reference's is_instance_valid: the first SQL cluster needs exactly one master, or followers. */
    private static void checkInstanceValid(Proto.Instance instance) {
        for (Proto.Cluster cluster : instance.clusters()) {
            if (cluster.type() != Proto.ClusterType.SQL) {
                continue;
            }
            long masters = cluster.nodes().stream()
                    .filter(node -> node.nodeType() == Proto.NodeType.FE_MASTER)
                    .count();
            long followers = cluster.nodes().stream()
                    .filter(node -> node.nodeType() == Proto.NodeType.FE_FOLLOWER)
                    .count();
            if (masters > 1 || (masters == 0 && followers == 0)) {
                throw MetaServiceException.invalid("instance invalid, cant modify, plz check");
            }
            return;
        }
    }

    /** decommission_node and notify_decommissioned: set the status of the matching registered nodes. */
    private void markNodes(String instanceId, Proto.Cluster cluster, Proto.NodeStatus status) {
        checkClusterParams(cluster, false, false);
        if (cluster.nodes().isEmpty()) {
            throw MetaServiceException.invalid("to_add and to_del both empty or both not empty");
        }
        if (support.index().lookup(text(cluster.nodes().get(0).cloudUniqueId())).isEmpty()) {
            throw MetaServiceException.invalid("cloud_unique_id not found");
        }
        Set<String> cloudUniqueIds = new LinkedHashSet<>();
        cluster.nodes().forEach(node -> cloudUniqueIds.add(text(node.cloudUniqueId())));
        support.store()
                .update(
                        instanceId,
                        document -> {
                            Proto.Instance instance = document.instance();
                            checkNotDeleted(instance, MetaServiceCode.INVALID_ARGUMENT);
                            long now = support.now();
                            boolean changed = false;
                            List<Proto.Cluster> clusters = new ArrayList<>();
                            for (Proto.Cluster existing : instance.clusters()) {
                                List<Proto.NodeInfo> nodes = new ArrayList<>();
                                for (Proto.NodeInfo node : existing.nodes()) {
                                    boolean matches = cloudUniqueIds.contains(text(node.cloudUniqueId()))
                                            && cluster.nodes().stream()
                                                    .anyMatch(requested -> sameHeartbeatEndpoint(node, requested));
                                    nodes.add(matches ? node.withStatus(status).withMtime(now) : node);
                                    changed |= matches;
                                }
                                clusters.add(existing.withNodes(nodes));
                            }
                            return changed ? document.withInstance(instance.withClusters(clusters)) : document;
                        },
                        () -> MetaServiceException.invalid(
                                "failed to get instance, instance_id=" + instanceId + " err=KeyNotFound"));
    }

    private static boolean sameHeartbeatEndpoint(Proto.NodeInfo registered, Proto.NodeInfo requested) {
        if (registered.ip() != null && requested.ip() != null) {
            return (registered.ip() + ":" + port(registered.heartbeatPort()))
                    .equals(requested.ip() + ":" + port(requested.heartbeatPort()));
        }
        return registered.host() != null
                && requested.host() != null
                && (registered.host() + ":" + port(registered.heartbeatPort()))
                        .equals(requested.host() + ":" + port(requested.heartbeatPort()));
    }

    // ---------------------------------------------------------------------------------- reads

    /**
     * get_cluster: one cluster by id, else name, else MySQL user name; or, when none is given, the
     * whole response with every cluster.
     */
    Object getCluster(Proto.GetClusterRequest body) {
        String cloudUniqueId = text(body.cloudUniqueId());
        if (cloudUniqueId.isEmpty()) {
            throw MetaServiceException.invalid("cloud_unique_id must be given");
        }
        String instanceId = support.resolveInstanceId(cloudUniqueId);
        if (instanceId.isEmpty()) {
            instanceId = text(body.instanceId());
        }
        if (instanceId.isEmpty()) {
            throw MetaServiceException.invalid("empty instance_id");
        }
        Proto.GetClusterRequest request = body;
        if (!isEmpty(request.clusterId())) {
            request = request.withClusterName(null).withMysqlUserName(null);
        } else if (!isEmpty(request.clusterName())) {
            request = request.withMysqlUserName(null);
        }
        String found = instanceId;
        Proto.Instance instance = support.store()
                .read(instanceId)
                .orElseThrow(() -> Support.instanceNotFoundForRead(found))
                .document()
                .instance();
        Proto.GetClusterRequest query = request;
        if (isEmpty(query.clusterId()) && isEmpty(query.clusterName()) && isEmpty(query.mysqlUserName())) {
            if (instance.clusters().isEmpty()) {
                throw notFound(query);
            }
            return new Proto.GetClusterResponse(
                    new Proto.ResponseStatus(MetaServiceCode.OK, ""),
                    instance.clusters(),
                    isTrue(instance.enableStorageVault()));
        }
        return instance.clusters().stream()
                .filter(cluster -> !isEmpty(query.clusterId())
                        ? query.clusterId().equals(cluster.clusterId())
                        : !isEmpty(query.clusterName())
                                ? query.clusterName().equals(cluster.clusterName())
                                : cluster.mysqlUserName().contains(query.mysqlUserName()))
                .findFirst()
                .orElseThrow(() -> notFound(query));
    }

    private static MetaServiceException notFound(Proto.GetClusterRequest request) {
        return new MetaServiceException(
                MetaServiceCode.CLUSTER_NOT_FOUND, "fail to get cluster with " + TextFormat.shortDebugString(request));
    }

    /** get_cluster_status: the COMPUTE clusters of the given instances, optionally of one status. */
    Proto.GetClusterStatusResponse getClusterStatus(Proto.GetClusterStatusRequest request) {
        List<String> instanceIds = request.instanceIds();
        if (instanceIds.isEmpty()) {
            if (request.cloudUniqueIds().isEmpty()) {
                throw MetaServiceException.invalid(
                        "cloud_unique_ids or instance_ids must be given, instance_ids.size: 0 cloud_unique_ids.size: 0");
            }
            instanceIds = request.cloudUniqueIds().stream()
                    .map(support::resolveInstanceId)
                    .filter(id -> !id.isEmpty())
                    .toList();
        }
        List<Proto.ClusterStatusDetail> details = new ArrayList<>();
        for (String instanceId : instanceIds) {
            Optional<InstanceStore.Versioned> read = support.store().read(instanceId);
            if (read.isEmpty()) {
                continue;
            }
            List<Proto.Cluster> clusters = new ArrayList<>();
            for (Proto.Cluster cluster : read.get().document().instance().clusters()) {
                if (cluster.type() != Proto.ClusterType.COMPUTE) {
                    continue;
                }
                if (request.status() != null && cluster.clusterStatus() != request.status()) {
                    continue;
                }
                clusters.add(Proto.Cluster.empty()
                        .withClusterId(cluster.clusterId())
                        .withClusterName(cluster.clusterName())
                        .withClusterStatus(
                                cluster.clusterStatus() == null
                                        ? Proto.ClusterStatus.NORMAL
                                        : cluster.clusterStatus()));
            }
            if (!clusters.isEmpty()) {
                details.add(new Proto.ClusterStatusDetail(instanceId, clusters));
            }
        }
        Proto.GetClusterStatusResponse response = new Proto.GetClusterStatusResponse(null, details);
        // the reference fills its status message with the response itself
        return response.withStatus(new Proto.ResponseStatus(MetaServiceCode.OK, ProtoJson.compact(response)));
    }
}
